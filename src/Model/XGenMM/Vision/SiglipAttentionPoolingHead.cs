using XGenEval.Model.Layers;
using XGenEval.Model.XGenMM.Config;
using static TorchSharp.torch;

namespace XGenEval.Model.XGenMM.Vision;

/// <summary>
/// HF SiglipMultiheadAttentionPoolingHead: a learned probe attends over the patch features with
/// nn.MultiheadAttention (packed in_proj q|k|v, biased, batch-first, scale head_dim^-0.5, no mask), then a
/// residual MLP block on the layer-normed result: <c>h = attn(probe, x, x); h = h + mlp(layernorm(h))</c>, and
/// the probe's row is the pooled output [N, hidden]. xGen-MM's generation reads <c>last_hidden_state</c> and never
/// this head; the few-shot RICES selection uses it as the image's single feature vector.
/// </summary>
public sealed class SiglipAttentionPoolingHead : ExplicitModule
{
    readonly long _heads;
    readonly bool _tanhGelu;
    readonly TorchSharp.Modules.Parameter _probe, _inProjWeight, _inProjBias;
    readonly Linear _outProj, _fc1, _fc2;
    readonly LayerNorm _layerNorm;

    public SiglipAttentionPoolingHead(ParameterFactory f, SiglipVisionConfig c) : base(nameof(SiglipAttentionPoolingHead))
    {
        long h = c.HiddenSize;
        _heads = c.NumAttentionHeads;
        _tanhGelu = c.HiddenAct == "gelu_pytorch_tanh";
        _probe = f.Create(1, 1, h);
        _inProjWeight = f.Create(3 * h, h);
        _inProjBias = f.Create(3 * h);
        _outProj = new Linear(f, h, h, bias: true);
        _layerNorm = new LayerNorm(f, h, c.LayerNormEps);
        _fc1 = new Linear(f, h, c.IntermediateSize, bias: true);
        _fc2 = new Linear(f, c.IntermediateSize, h, bias: true);

        register_parameter("probe", _probe);
        var attention = new ParameterHolder();
        attention.Add("in_proj_weight", _inProjWeight);
        attention.Add("in_proj_bias", _inProjBias);
        attention.Add("out_proj", _outProj);
        register_module("attention", attention);
        register_module("layernorm", _layerNorm);
        var mlp = new ParameterHolder();
        mlp.Add("fc1", _fc1);
        mlp.Add("fc2", _fc2);
        register_module("mlp", mlp);
    }

    /// <summary>Patch features [N, patches, hidden] (post-layernorm) to pooled features [N, hidden].</summary>
    public Tensor Forward(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        long n = hidden.shape[0], d = hidden.shape[2];
        var weights = _inProjWeight.chunk(3, 0);
        var biases = _inProjBias.chunk(3, 0);
        var probe = _probe.expand(n, 1, d);
        var q = AttentionHeads.Split(nn.functional.linear(probe, weights[0], biases[0]), _heads);
        var k = AttentionHeads.Split(nn.functional.linear(hidden, weights[1], biases[1]), _heads);
        var v = AttentionHeads.Split(nn.functional.linear(hidden, weights[2], biases[2]), _heads);
        var attended = _outProj.forward(AttentionHeads.Merge(nn.functional.scaled_dot_product_attention(q, k, v)));
        var mlp = _fc1.forward(_layerNorm.forward(attended));
        mlp = _tanhGelu ? nn.functional.gelu(mlp, TorchSharp.Modules.GELU.Approximate.tanh) : nn.functional.gelu(mlp);
        var pooled = attended + _fc2.forward(mlp);
        return pooled.select(1, 0).MoveToOuterDisposeScope();
    }
}
