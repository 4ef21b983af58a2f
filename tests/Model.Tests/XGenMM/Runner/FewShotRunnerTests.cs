using SkiaSharp;
using XGenEval.Core.Images;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;
using XGenEval.Model.Catalog;
using XGenEval.Model.XGenMM.Runner;

namespace XGenEval.Model.Tests.XGenMM.Runner;

/// <summary>What the runner gives few-shot runs: prompt lengths for fitting the context, image features for
/// RICES, and the embedded tiny model as a base model.</summary>
public class FewShotRunnerTests
{
    static ImageSource Drawn(string key, SKColor colour, bool circle = false)
    {
        using var surface = SKSurface.Create(new SKImageInfo(80, 60));
        surface.Canvas.Clear(SKColors.White);
        using var paint = new SKPaint { Color = colour, IsAntialias = false };
        if (circle) surface.Canvas.DrawCircle(40, 30, 20, paint);
        else surface.Canvas.DrawRect(10, 10, 60, 40, paint);
        using var png = surface.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
        return EncodedImageSource.FromBytes(key, key + ".png", png.ToArray());
    }

    [Fact]
    public void TheTinyBaseModelSquashesImagesAndCountsItsPromptsExactly()
    {
        using var runner = (XGenMMRunner)ModelCatalog.Load(EmbeddedModels.TinyBaseId, "cpu", "float32");
        Assert.Equal(PromptProfile.Base, runner.Info.Profile);
        var red = Drawn("red", SKColors.Red);
        var prompts = new[]
        {
            InterleavedPrompt.Of(red, "Output:A red box.", ChunkEndSegment.Instance, "\n", Drawn("blue", SKColors.Blue), "Output:"),
            InterleavedPrompt.Of("Output:a caption", ChunkEndSegment.Instance, "\n", red, "Output:"),
        };
        var results = runner.Generate(prompts, new DecodingOptions { MaxNewTokens = 2 });
        // Base layout: <image> and its placeholders become exactly num_latents vision tokens, so the count is exact.
        Assert.Equal(results.Select(r => r.PromptTokens), prompts.Select(runner.CountPromptTokens));
        Assert.True(prompts[0].ImageCount * 8 < runner.CountPromptTokens(prompts[0]));
    }

    [Fact]
    public void InstructPromptLengthsAreAnUpperBound()
    {
        using var runner = RunnerEndToEndTests.Tiny();
        var prompt = InterleavedPrompt.Of(Drawn("wide", SKColors.Green), "Describe the image.");
        var result = runner.Generate([prompt], new DecodingOptions { MaxNewTokens = 1 }).Single();
        Assert.InRange(runner.CountPromptTokens(prompt), result.PromptTokens, result.PromptTokens + 5 * 8);
    }

    [Fact]
    public void ImageFeaturesAreOnePooledVectorPerImageToTheBitWhateverTheBatch()
    {
        using var runner = (XGenMMRunner)ModelCatalog.Load(EmbeddedModels.TinyBaseId, "cpu", "float32");
        var images = new[] { Drawn("a", SKColors.Red), Drawn("b", SKColors.Blue, circle: true), Drawn("a-again", SKColors.Red), Drawn("c", SKColors.Yellow) };
        var together = runner.EmbedImages(images);
        Assert.Equal(4, together.Count);
        Assert.All(together, v => Assert.Equal(64, v.Length));
        Assert.Equal(together[0], together[2]); // the same pixels
        Assert.NotEqual(together[0], together[1]);
        for (int i = 0; i < images.Length; i++) Assert.Equal(together[i], runner.EmbedImages([images[i]]).Single());
        Assert.Equal("siglip-attention-pool/base-tile/v1", runner.EmbeddingName);
    }
}
