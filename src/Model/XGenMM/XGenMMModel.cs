using XGenEval.Model.Inspection;
using XGenEval.Model.Layers;
using XGenEval.Model.Loading;
using XGenEval.Model.Loading.Safetensors;
using XGenEval.Model.XGenMM.Anyres;
using XGenEval.Model.XGenMM.Config;
using XGenEval.Model.XGenMM.Language;
using XGenEval.Model.XGenMM.Perceiver;
using XGenEval.Model.XGenMM.Splice;
using XGenEval.Model.XGenMM.Vision;
using static TorchSharp.torch;

namespace XGenEval.Model.XGenMM;

/// <summary>
/// The xGen-MM v1.5 network (the official <c>XGenMMModelForConditionalGeneration.vlm</c>): SigLIP
/// <c>vision_encoder</c>, perceiver <c>vision_tokenizer</c>, Phi-3 <c>lang_model</c> with the decoupled
/// embedding and head. Checkpoint names are these module names under <see cref="CheckpointPrefix"/>.
/// This class turns images into vision tokens and splices them into text; generation is in
/// <see cref="Generation"/>.
/// </summary>
public sealed class XGenMMModel : ExplicitModule
{
    public const string CheckpointPrefix = "vlm.";

    /// <summary>Tiles per SigLIP call, to bound activation memory for large batches.</summary>
    public int VisionBatchSize { get; set; } = 64;

    public XGenMMModel(XGenMMConfig config, ParameterFactory f) : base(nameof(XGenMMModel))
    {
        Config = config;
        VisionEncoder = new SiglipVisionTransformer(f, config.Vision);
        VisionTokenizer = new PerceiverResampler(f, config.Perceiver);
        LanguageModel = new Phi3ForCausalLM(f, config.Text);
        register_module("vision_encoder", VisionEncoder);
        register_module("vision_tokenizer", VisionTokenizer);
        register_module("lang_model", LanguageModel);
        DType = f.DType;
        Device = f.Device;
    }

    public XGenMMConfig Config { get; }
    public SiglipVisionTransformer VisionEncoder { get; }
    public PerceiverResampler VisionTokenizer { get; }
    public Phi3ForCausalLM LanguageModel { get; }
    public ScalarType DType { get; }
    public Device Device { get; }

    /// <summary>Builds the network from a model folder's config.json (or <paramref name="config"/>) and loads
    /// its safetensors weights (single file or sharded) tensor by tensor into <paramref name="dtype"/> on
    /// <paramref name="device"/>.</summary>
    public static XGenMMModel Load(string folder, ScalarType dtype, Device device, XGenMMConfig? config = null)
    {
        config ??= XGenMMConfig.Load(folder);
        var model = new XGenMMModel(config, new ParameterFactory(dtype, device));
        try
        {
            using var checkpoint = SafetensorsCheckpoint.Open(folder);
            ModuleWeightLoader.Load(model, checkpoint, CheckpointPrefix);
            model.eval();
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>SigLIP features [N, patches, C] of tiles [N, 3, S, S].</summary>
    public Tensor EncodeTiles(Tensor tiles)
    {
        using var noGrad = no_grad();
        if (tiles.shape[0] <= VisionBatchSize) return VisionEncoder.forward(tiles.to(DType, Device));
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < tiles.shape[0]; start += VisionBatchSize)
        {
            long count = Math.Min(VisionBatchSize, tiles.shape[0] - start);
            parts.Add(VisionEncoder.forward(tiles.narrow(0, start, count).to(DType, Device)));
        }
        return cat(parts, dim: 0).MoveToOuterDisposeScope();
    }

    /// <summary>One feature vector per tile: SigLIP's attention-pooling head on its last hidden state
    /// (HF <c>pooler_output</c>), [N, hidden] in float32 on the CPU.</summary>
    public Tensor EncodePooled(Tensor tiles)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < tiles.shape[0]; start += VisionBatchSize)
        {
            long count = Math.Min(VisionBatchSize, tiles.shape[0] - start);
            parts.Add(VisionEncoder.Pool(VisionEncoder.forward(tiles.narrow(0, start, count).to(DType, Device))).to(ScalarType.Float32, CPU));
        }
        return cat(parts, dim: 0).MoveToOuterDisposeScope();
    }

    /// <summary>Base layout: one squashed tile per image [N, 3, S, S] to vision tokens [N, num_latents, D]
    /// (official <c>_encode_vision_x</c> then the perceiver without a mask).</summary>
    public Tensor EncodeBaseImages(Tensor pixels, IInferenceObserver? observer = null)
    {
        using var noGrad = no_grad();
        using var features = EncodeTiles(pixels);
        observer?.OnTensor(InferenceTensors.VisionFeatures, features);
        var tokens = VisionTokenizer.Forward(features);
        observer?.OnTensor(InferenceTensors.VisionTokens, tokens);
        return tokens;
    }

    /// <summary>Instruct layout: each image's tiles through SigLIP, the anyres chunks and masks through the
    /// perceiver (every chunk independently), and each image's chunk outputs concatenated in chunk order:
    /// [(1 + P)·num_latents, D] per image.</summary>
    public IReadOnlyList<Tensor> EncodeAnyresImages(IReadOnlyList<AnyresImage> images, IInferenceObserver? observer = null)
    {
        if (images.Count == 0) return [];
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var features = EncodeTiles(cat(images.Select(i => i.Tiles).ToList(), dim: 0));
        observer?.OnTensor(InferenceTensors.VisionFeatures, features);
        var chunkList = new List<Tensor>();
        var maskList = new List<Tensor>();
        long offset = 0;
        foreach (var image in images)
        {
            long tiles = image.Tiles.shape[0];
            var (chunks, mask) = AnyresChunker.Chunk(features.narrow(0, offset, tiles), image, Config.Vision.PatchesPerSide);
            chunkList.Add(chunks);
            maskList.Add(mask);
            offset += tiles;
        }
        var allChunks = cat(chunkList, dim: 0);
        var allMasks = cat(maskList, dim: 0);
        observer?.OnTensor(InferenceTensors.PerceiverInput, allChunks);
        observer?.OnTensor(InferenceTensors.PerceiverMask, allMasks);
        var tokens = VisionTokenizer.Forward(allChunks, allMasks);
        observer?.OnTensor(InferenceTensors.VisionTokens, tokens);
        var result = new List<Tensor>();
        offset = 0;
        foreach (var chunks in chunkList)
        {
            long n = chunks.shape[0];
            result.Add(tokens.narrow(0, offset, n).reshape(-1, tokens.shape[2]).MoveToOuterDisposeScope());
            offset += n;
        }
        return result;
    }

    /// <summary>Embeds each sample's ids, splices its images' vision tokens in and left-pads the batch.</summary>
    /// <param name="ids">Per sample its token ids, without padding.</param>
    /// <param name="visionTokens">Per sample, per image in prompt order, its vision tokens [n_i, D].</param>
    /// <returns>inputs_embeds [B, L, D] and attention mask [B, L].</returns>
    public (Tensor Embeds, Tensor Mask) Splice(SpliceLayout layout, IReadOnlyList<long[]> ids, IReadOnlyList<IReadOnlyList<Tensor>> visionTokens)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var samples = new List<Tensor>();
        for (int i = 0; i < ids.Count; i++)
        {
            var idTensor = tensor(ids[i], ScalarType.Int64, Device);
            var text = LanguageModel.Embed(idTensor);
            samples.Add(VisionSplice.Apply(layout, text, ids[i], visionTokens[i], Config.MediaTokenId));
        }
        var (embeds, mask) = LeftPaddedBatch.Stack(samples);
        return (embeds.MoveToOuterDisposeScope(), mask.MoveToOuterDisposeScope());
    }
}
