using XGenEval.Core.Errors;
using XGenEval.Core.Images;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;
using XGenEval.Model.Generation;
using XGenEval.Model.Images;
using XGenEval.Model.Inspection;
using XGenEval.Model.Runtime;
using XGenEval.Model.Tokenizers;
using XGenEval.Model.XGenMM.Anyres;
using XGenEval.Model.XGenMM.Config;
using XGenEval.Model.XGenMM.Splice;
using static TorchSharp.torch;

namespace XGenEval.Model.XGenMM.Runner;

/// <summary>
/// Runs an xGen-MM v1.5 checkpoint folder (config.json, safetensors weights, tokenizer.json,
/// preprocessor_config.json): renders prompts for the variant (<see cref="XGenMMPromptRenderer"/>),
/// tokenizes, preprocesses images, sorts prompts by estimated length into batches (halved on out-of-memory),
/// splices vision tokens into the text, generates and decodes the text cut at the stop strings. Stop ids:
/// instruct <c>&lt;|end|&gt;</c> and <c>&lt;|endoftext|&gt;</c>; base <c>&lt;|endoftext|&gt;</c> and
/// <c>&lt;|endofchunk|&gt;</c> (a few-shot answer ends where a demonstration would). For few-shot runs it also
/// counts a prompt's context positions and embeds images for RICES.
/// </summary>
public sealed class XGenMMRunner : IInspectableRunner, IPromptTokenCounter, IImageEmbedder
{
    public const string Family = "xgen-mm-v1.5";

    readonly XGenMMModel _model;
    readonly XGenMMTokenizer _tokenizer;
    readonly XGenImageProcessor _images;
    readonly SpliceLayout _layout;
    readonly AdaptiveBatches _batches;
    readonly int[] _stopIds;

    XGenMMRunner(XGenMMModel model, XGenMMTokenizer tokenizer, XGenImageProcessor images, SpliceLayout layout, AdaptiveBatches batches, ModelInfo info)
    {
        _model = model;
        _tokenizer = tokenizer;
        _images = images;
        _layout = layout;
        _batches = batches;
        Info = info;
        _stopIds = layout == SpliceLayout.Instruct ? [tokenizer.EndId, tokenizer.EndOfTextId] : [tokenizer.EndOfTextId, tokenizer.EndOfChunkId];
    }

    public ModelInfo Info { get; }

    public SpliceLayout Layout => _layout;

    /// <summary>Called with the size of each batch before it runs (tests inject out-of-memory failures here).</summary>
    internal Action<int>? BeforeBatch { get; set; }

    public static XGenMMRunner Load(string folder, XGenMMRunnerOptions options)
    {
        var config = XGenMMConfig.Load(folder);
        var processorConfig = XGenImageProcessorConfig.Load(Path.Combine(folder, "preprocessor_config.json"));
        var processor = new XGenImageProcessor(options.SquashImages ? processorConfig with { Grids = null } : processorConfig);
        var layout = options.Layout ?? (processor.UsesAnyRes ? SpliceLayout.Instruct : SpliceLayout.Base);
        var mode = options.TokenizerMode ?? (layout == SpliceLayout.Instruct ? TokenizerMode.SentencePieceSlow : TokenizerMode.Fast);
        var tokenizer = mode == TokenizerMode.SentencePieceSlow
            ? XGenMMTokenizer.Load(folder, TokenizerMode.SentencePieceSlow, XGenMMTokenizer.VlmEvalKitEosToken)
            : XGenMMTokenizer.Load(folder, TokenizerMode.Fast);
        if (tokenizer.ImageId != config.MediaTokenId)
            throw new DataException($"{folder}: the tokenizer's <image> id {tokenizer.ImageId} differs from initial_tokenizer_len {config.MediaTokenId} in config.json");
        if (layout == SpliceLayout.Instruct && !processor.UsesAnyRes)
            throw new DataException($"{folder}: preprocessor_config.json has no anyres grids, which the instruct layout needs");
        if (processor.Config.TileSize != config.Vision.ImageSize)
            throw new DataException($"{folder}: preprocessor tile size {processor.Config.TileSize} differs from the vision tower's image_size {config.Vision.ImageSize}");
        var placement = options.Placement;
        var model = XGenMMModel.Load(folder, placement.DType, placement.Device, config);
        int batchSize = options.BatchSize ?? (placement.Device.type == TorchSharp.DeviceType.CUDA ? 8 : 4);
        var info = new ModelInfo
        {
            Id = options.Id,
            Family = Family,
            Profile = layout == SpliceLayout.Instruct ? PromptProfile.Instruct : PromptProfile.Base,
            Revision = options.Revision,
            DType = placement.DTypeName,
            Device = placement.DeviceName,
            ContextLength = config.Text.MaxPositionEmbeddings,
            Details = new Dictionary<string, string>
            {
                ["checkpoint"] = Path.GetFullPath(folder),
                ["layout"] = layout.ToString().ToLowerInvariant(),
                ["tokenizer"] = mode == TokenizerMode.SentencePieceSlow ? "sentencepiece-slow (transformers 4.41 LlamaTokenizer, legacy=False)" : "fast (tokenizer.json)",
                ["parameters"] = model.parameters().Sum(p => p.numel()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["batch_size"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        return new XGenMMRunner(model, tokenizer, processor, layout, new AdaptiveBatches(batchSize, options.Log), info);
    }

    /// <summary>Text characters / 4 plus the vision tokens: num_latents per base image, and for instruct the
    /// most an anyres image can take (base tile + 4 chunks), since the grid is known only after decoding.</summary>
    public int EstimateCost(InterleavedPrompt prompt)
    {
        int latents = _model.Config.Perceiver.NumLatents;
        int perImage = _layout == SpliceLayout.Base ? latents : 5 * latents;
        int text = prompt.Segments.OfType<TextSegment>().Sum(t => t.Text.Length) / 4;
        return text + prompt.ImageCount * perImage + (_layout == SpliceLayout.Instruct && !prompt.Raw ? 40 : 0);
    }

    public IReadOnlyList<GenerationResult> Generate(IReadOnlyList<InterleavedPrompt> prompts, DecodingOptions options, CancellationToken cancellationToken = default)
    {
        var settings = Settings(options);
        var order = Enumerable.Range(0, prompts.Count).OrderBy(i => EstimateCost(prompts[i])).ToArray();
        var results = new GenerationResult[prompts.Count];
        var produced = _batches.Run(order, batch =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            BeforeBatch?.Invoke(batch.Count);
            var prepared = batch.Select(i => Prepare(i, prompts[i])).ToArray();
            return RunBatch(prepared, settings, options.StopStrings);
        });
        for (int k = 0; k < order.Length; k++) results[order[k]] = produced[k];
        return results;
    }

    /// <summary>Base: the token count, since an image's &lt;image&gt; and placeholders become exactly num_latents
    /// vision tokens. Instruct: each image counted at the most anyres can make of it (base tile + 4 chunks).</summary>
    public int CountPromptTokens(InterleavedPrompt prompt)
    {
        int latents = _model.Config.Perceiver.NumLatents;
        var rendered = XGenMMPromptRenderer.Render(prompt, _layout, latents);
        int ids = _tokenizer.Encode(rendered.Text).Length;
        return _layout == SpliceLayout.Base ? ids : ids + rendered.Images.Count * (5 * latents - 1);
    }

    /// <summary>The image's squashed base tile (the only tile of the base preprocessing, the first of anyres)
    /// through SigLIP and its attention-pooling head.</summary>
    public string EmbeddingName => "siglip-attention-pool/base-tile/v1";

    /// <summary>One forward pass per image: batched matrix products round differently with the batch's
    /// composition (about 1e-7 here), and RICES rankings must not depend on which images were embedded together.</summary>
    public IReadOnlyList<float[]> EmbedImages(IReadOnlyList<Core.Images.ImageSource> images, CancellationToken cancellationToken = default)
    {
        var result = new List<float[]>(images.Count);
        int tile = _images.Config.TileSize;
        int perTile = 3 * tile * tile;
        foreach (var image in images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tiles = _images.Process(image);
            using var scope = NewDisposeScope();
            var pixels = tensor(tiles.Pixels.AsSpan(0, perTile).ToArray(), new long[] { 1, 3, tile, tile });
            result.Add(_model.EncodePooled(pixels).contiguous().data<float>().ToArray());
        }
        return result;
    }

    public InterleavedPrompt ParseRawPrompt(string text, IReadOnlyList<ImageSource> images) =>
        XGenMMRawPrompt.Parse(text, images, _layout, _model.Config.Perceiver.NumLatents);

    public IPreparedInput Prepare(InterleavedPrompt prompt) => PrepareOne(prompt);

    /// <summary>One prompt alone (no batching, no out-of-memory retry), every stage reported to
    /// <paramref name="observer"/>.</summary>
    public GenerationResult Generate(IPreparedInput input, DecodingOptions options, IInferenceObserver? observer = null)
    {
        var prepared = input as PreparedPrompt ?? throw new ArgumentException($"{input.GetType().Name} was not prepared by {nameof(XGenMMRunner)}");
        return RunBatch([prepared], Settings(options), options.StopStrings, observer)[0];
    }

    GenerationSettings Settings(DecodingOptions options) => new()
    {
        MaxNewTokens = options.MaxNewTokens,
        MinNewTokens = options.MinNewTokens,
        NumBeams = options.NumBeams,
        LengthPenalty = options.LengthPenalty,
        StopTokenIds = _stopIds,
        PadTokenId = _tokenizer.PadId,
    };

    PreparedPrompt Prepare(int index, InterleavedPrompt prompt)
    {
        try
        {
            return PrepareOne(prompt, index);
        }
        catch (DataException e)
        {
            throw new PromptInputException(index, $"prompt {index}: {e.Message}", e);
        }
    }

    /// <summary>Throws <see cref="DataException"/> (no prompt index) for text and images that disagree or an
    /// image that cannot be read or decoded.</summary>
    PreparedPrompt PrepareOne(InterleavedPrompt prompt, int index = 0)
    {
        var rendered = XGenMMPromptRenderer.Render(prompt, _layout, _model.Config.Perceiver.NumLatents);
        long[] ids = _tokenizer.Encode(rendered.Text).Select(i => (long)i).ToArray();
        int imageTokens = ids.Count(i => i == _tokenizer.ImageId);
        if (imageTokens != rendered.Images.Count)
            throw new DataException($"{rendered.Images.Count} image(s) but its text holds {imageTokens} <image> token(s)");
        var tiles = rendered.Images.Select(_images.Process).ToList();
        int latents = _model.Config.Perceiver.NumLatents;
        // Base: num_latents tokens per image overwrite the <image> position and its placeholders (the length
        // stays); instruct: each <image> token becomes (1 + P)·num_latents tokens, one chunk per tile.
        int vision = tiles.Sum(t => _layout == SpliceLayout.Base ? latents : t.TileCount * latents);
        int length = _layout == SpliceLayout.Base ? ids.Length : ids.Length - tiles.Count + vision;
        return new PreparedPrompt(index, rendered.Text, ids, tiles, vision, length);
    }

    IReadOnlyList<GenerationResult> RunBatch(IReadOnlyList<PreparedPrompt> batch, GenerationSettings settings, IReadOnlyList<string> stopStrings,
        IInferenceObserver? observer = null)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        if (observer is not null) ReportPrompt(observer, batch);
        var vision = EncodeImages(batch, observer);
        var (embeds, mask) = _model.Splice(_layout, batch.Select(p => p.Ids).ToArray(), vision);
        var sequences = TextGenerator.Generate(_model.LanguageModel, embeds, mask, settings, observer);
        long[] promptTokens = mask.sum(1).cpu().data<long>().ToArray();
        return sequences.Select((s, b) => Finish(s, (int)promptTokens[b], stopStrings)).ToArray();
    }

    /// <summary>The prepared input of a batch of one: ids, and the images' tiles, sizes and grids.</summary>
    static void ReportPrompt(IInferenceObserver observer, IReadOnlyList<PreparedPrompt> batch)
    {
        if (batch.Count != 1) throw new ArgumentException("only a batch of one prompt is observed");
        var p = batch[0];
        using var scope = NewDisposeScope();
        observer.OnTensor(InferenceTensors.InputIds, tensor(p.Ids, [1, p.Ids.Length]));
        if (p.Images.Count == 0) return;
        observer.OnTensor(InferenceTensors.PixelValues, cat(p.Images.Select(t => tensor(t.Pixels, t.Shape)).ToList(), dim: 0));
        observer.OnTensor(InferenceTensors.TilesPerImage, tensor(p.Images.Select(t => (long)t.TileCount).ToArray()));
        observer.OnTensor(InferenceTensors.ImageSizes, tensor(p.Images.SelectMany(t => new long[] { t.OriginalWidth, t.OriginalHeight }).ToArray(), [p.Images.Count, 2]));
        observer.OnTensor(InferenceTensors.AnyresGrids, tensor(p.Images.SelectMany(t => new long[] { t.GridColumns, t.GridRows }).ToArray(), [p.Images.Count, 2]));
    }

    /// <summary>Per prompt, per image, its vision tokens.</summary>
    List<IReadOnlyList<Tensor>> EncodeImages(IReadOnlyList<PreparedPrompt> batch, IInferenceObserver? observer)
    {
        var all = batch.SelectMany(p => p.Images).ToList();
        IReadOnlyList<Tensor> perImage;
        if (all.Count == 0) perImage = [];
        else if (_layout == SpliceLayout.Base)
        {
            var pixels = cat(all.Select(t => tensor(t.Pixels, t.Shape)).ToList(), dim: 0);
            var tokens = _model.EncodeBaseImages(pixels, observer);
            perImage = Enumerable.Range(0, all.Count).Select(i => tokens[i]).ToArray();
        }
        else
        {
            perImage = _model.EncodeAnyresImages(all.Select(t =>
                new AnyresImage(tensor(t.Pixels, t.Shape), t.OriginalWidth, t.OriginalHeight, t.GridColumns, t.GridRows)).ToArray(), observer);
        }
        var result = new List<IReadOnlyList<Tensor>>();
        int next = 0;
        foreach (var p in batch)
        {
            result.Add(perImage.Skip(next).Take(p.Images.Count).ToArray());
            next += p.Images.Count;
        }
        return result;
    }

    GenerationResult Finish(GeneratedSequence sequence, int promptTokens, IReadOnlyList<string> stopStrings)
    {
        var ids = sequence.Stopped ? sequence.Tokens.Take(sequence.Tokens.Count - 1) : sequence.Tokens;
        string text = _tokenizer.Decode(ids, skipSpecialTokens: true);
        bool cut = false;
        foreach (string stop in stopStrings.Where(s => s.Length > 0))
        {
            int at = text.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0) { text = text[..at]; cut = true; }
        }
        return new GenerationResult
        {
            Text = text,
            PromptTokens = promptTokens,
            GeneratedTokens = sequence.Tokens.Count,
            FinishReason = sequence.Stopped || cut ? "stop" : "length",
            GeneratedIds = sequence.Tokens,
        };
    }

    public void Dispose() => _model.Dispose();
}
