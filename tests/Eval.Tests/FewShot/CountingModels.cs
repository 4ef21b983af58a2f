using XGenEval.Core.Images;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;
using XGenEval.Model.Catalog;

namespace XGenEval.Cli.Tests.FewShot;

/// <summary>The native catalog, with each loaded runner wrapped to count its calls and, optionally, to
/// interrupt the command (cancel its token) after a number of Generate calls.</summary>
sealed class CountingModels(CancellationTokenSource? interrupt = null, int interruptAfter = int.MaxValue) : IModelLoader
{
    readonly CatalogModelLoader inner = new();

    public CountingRunner? Last { get; private set; }

    public IReadOnlyList<ModelDescription> Known => inner.Known;
    public ModelDescription Describe(string id) => inner.Describe(id);
    public ModelLoadOptions Resolve(ModelLoadOptions requested) => inner.Resolve(requested);

    public IModelRunner Load(string id, ModelLoadOptions options) =>
        Last = new CountingRunner(inner.Load(id, options), calls => { if (calls >= interruptAfter) interrupt?.Cancel(); });
}

/// <summary>A runner that passes everything to another and counts generation calls and embedded images.</summary>
sealed class CountingRunner(IModelRunner inner, Action<int>? afterGenerate = null) : IModelRunner, IPromptTokenCounter, IImageEmbedder
{
    public int GenerateCalls { get; private set; }
    public int EmbeddedImages { get; private set; }

    public ModelInfo Info => inner.Info;
    public int EstimateCost(InterleavedPrompt prompt) => inner.EstimateCost(prompt);
    public int CountPromptTokens(InterleavedPrompt prompt) => ((IPromptTokenCounter)inner).CountPromptTokens(prompt);
    public string EmbeddingName => ((IImageEmbedder)inner).EmbeddingName;

    public IReadOnlyList<GenerationResult> Generate(IReadOnlyList<InterleavedPrompt> prompts, DecodingOptions options, CancellationToken cancellationToken = default)
    {
        var results = inner.Generate(prompts, options, cancellationToken);
        afterGenerate?.Invoke(++GenerateCalls);
        return results;
    }

    public IReadOnlyList<float[]> EmbedImages(IReadOnlyList<ImageSource> images, CancellationToken cancellationToken = default)
    {
        EmbeddedImages += images.Count;
        return ((IImageEmbedder)inner).EmbedImages(images, cancellationToken);
    }

    public void Dispose() => inner.Dispose();
}
