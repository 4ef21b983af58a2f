using TorchSharp.Modules;
using LayerNorm = XGenEval.Model.Layers.LayerNorm;
using Linear = XGenEval.Model.Layers.Linear;
using XGenEval.Model.Layers;
using XGenEval.Model.XGenMM.Config;
using static TorchSharp.torch;

namespace XGenEval.Model.XGenMM.Vision;

/// <summary>
/// HF SiglipVisionTransformer (the <c>vision_model</c> of SiglipVisionModel), as xGen-MM uses it: tiles
/// [N, 3, S, S] in, <c>last_hidden_state</c> = post_layernorm(encoder output) [N, patches, hidden] out,
/// every patch token kept. Checkpoint names: embeddings.*, encoder.layers.{i}.*, post_layernorm.*, head.*.
/// </summary>
public sealed class SiglipVisionTransformer : ExplicitModule<Tensor, Tensor>
{
    readonly SiglipVisionEmbeddings _embeddings;
    readonly ModuleList<SiglipEncoderLayer> _layers;
    readonly LayerNorm _postLayerNorm;
    readonly SiglipAttentionPoolingHead _head;

    public SiglipVisionTransformer(ParameterFactory f, SiglipVisionConfig c) : base(nameof(SiglipVisionTransformer))
    {
        Config = c;
        _embeddings = new SiglipVisionEmbeddings(f, c);
        _layers = new ModuleList<SiglipEncoderLayer>(Enumerable.Range(0, c.NumHiddenLayers).Select(_ => new SiglipEncoderLayer(f, c)).ToArray());
        _postLayerNorm = new LayerNorm(f, c.HiddenSize, c.LayerNormEps);
        var encoder = new ParameterHolder();
        encoder.Add("layers", _layers);
        register_module("embeddings", _embeddings);
        register_module("encoder", encoder);
        register_module("post_layernorm", _postLayerNorm);
        _head = new SiglipAttentionPoolingHead(f, c);
        register_module("head", _head);
    }

    public SiglipVisionConfig Config { get; }

    public override Tensor forward(Tensor pixels)
    {
        using var scope = NewDisposeScope();
        var x = _embeddings.forward(pixels);
        foreach (var layer in _layers) x = layer.forward(x);
        return _postLayerNorm.forward(x).MoveToOuterDisposeScope();
    }

    /// <summary>The attention-pooling head on <see cref="forward"/>'s output: HF's <c>pooler_output</c> [N, hidden].</summary>
    public Tensor Pool(Tensor lastHiddenState) => _head.Forward(lastHiddenState);
}
