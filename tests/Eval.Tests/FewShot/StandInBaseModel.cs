using System.Security.Cryptography;
using XGenEval.Core.Images;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;

namespace XGenEval.Cli.Tests.FewShot;

/// <summary>
/// A base model stand-in for few-shot runs without TorchSharp: it reads every image, answers with the text of its
/// prompt's last demonstration (so a trial's score depends on the demonstrations it drew), counts 100 positions per
/// image plus one per character, and embeds an image as a fixed function of its bytes.
/// </summary>
sealed class StandInBaseModel(int? contextLength = null) : IModelLoader, IModelRunner, IPromptTokenCounter, IImageEmbedder
{
    public const string Id = "stand-in-base";
    static readonly ModelDescription Description = new() { Id = Id, DirectoryName = Id, Family = "test", Profile = PromptProfile.Base };

    public List<InterleavedPrompt> Prompts { get; } = [];
    public int Embedded { get; private set; }

    public IReadOnlyList<ModelDescription> Known => [Description];
    public ModelDescription Describe(string id) => Description;
    public ModelLoadOptions Resolve(ModelLoadOptions requested) => requested with { Device = "cpu", DType = "float32" };
    public IModelRunner Load(string id, ModelLoadOptions options) => this;

    public ModelInfo Info => new() { Id = Id, Family = "test", Profile = PromptProfile.Base, ContextLength = contextLength, Revision = "test-revision" };
    public int EstimateCost(InterleavedPrompt prompt) => CountPromptTokens(prompt);

    public int CountPromptTokens(InterleavedPrompt prompt) =>
        prompt.ImageCount * 100 + prompt.Segments.OfType<TextSegment>().Sum(t => t.Text.Length);

    public IReadOnlyList<GenerationResult> Generate(IReadOnlyList<InterleavedPrompt> prompts, DecodingOptions options, CancellationToken cancellationToken = default)
    {
        lock (Prompts) Prompts.AddRange(prompts);
        return prompts.Select(p =>
        {
            foreach (var image in p.Images) Assert.NotEmpty(image.ReadBytes());
            // The caption of the last demonstration: the text segment just before the last chunk end.
            int end = p.Segments.ToList().FindLastIndex(s => s is ChunkEndSegment);
            string answer = end > 0 && p.Segments[end - 1] is TextSegment t ? t.Text : "a picture";
            return new GenerationResult { Text = answer, PromptTokens = CountPromptTokens(p), GeneratedTokens = 3 };
        }).ToList();
    }

    public string EmbeddingName => "stand-in/sha256-bytes";

    public IReadOnlyList<float[]> EmbedImages(IReadOnlyList<ImageSource> images, CancellationToken cancellationToken = default)
    {
        Embedded += images.Count;
        return images.Select(i => SHA256.HashData(i.ReadBytes()).Take(8).Select(b => (float)b - 127.5f).ToArray()).ToList();
    }

    public void Dispose() { }
}
