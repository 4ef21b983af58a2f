using XGenEval.Benchmarks.Adapters.Captioning;
using XGenEval.Benchmarks.Adapters.Coco;
using XGenEval.Benchmarks.Adapters.VqaV2;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Benchmarks.FewShot;
using XGenEval.Benchmarks.Tests.Adapters;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;

namespace XGenEval.Benchmarks.Tests.FewShot;

public class FewShotPromptTests
{
    static readonly CocoCaptionBenchmark Coco = new();
    static readonly List<XGenEval.Benchmarks.Abstractions.Sample> Items = Coco.LoadSamples(TestFiles.Shipped(Coco)).ToList();
    static readonly List<XGenEval.Benchmarks.Abstractions.Sample> Pool = Coco.LoadSamples(new DataLocator().Locate(Coco.Info, Coco.Info.Split("sample-train"))).ToList();

    [Fact]
    public void TheCocoSampleDrawsFromItsOwnDemonstrationPool()
    {
        Assert.Equal("sample-train", Coco.DemonstrationSplit("sample"));
        Assert.Equal(24, Pool.Count);
        Assert.Empty(Pool.Select(p => p.Index).Intersect(Items.Select(i => i.Index)));
        Assert.All(Pool, p => Assert.True(File.Exists(((Core.Images.FileImageSource)p.Images.Single()).Path), p.Index));
        Assert.Equal("A red ball on green grass.", ((CaptionSample)Pool[0]).References[0]);
    }

    [Fact]
    public void ImageDemonstrationsInterleaveImageTextAndChunkEnd()
    {
        var prompt = FewShotPrompt.Build(Coco, Items[0], PromptProfile.Base, [Pool[0], Pool[5]], textOnly: false);
        Assert.Equal("<image>Output:A red ball on green grass.<|endofchunk|>\n<image>Output:Two blue squares on a white background.<|endofchunk|>\n<image>Output:", prompt.Render());
        Assert.Equal([Pool[0].Images[0], Pool[5].Images[0], Items[0].Images[0]], prompt.Images);
        Assert.True(prompt.Raw);
    }

    [Fact]
    public void TextOnlyDemonstrationsLoseTheirImagesButKeepChunkEndsAndTheQueryImage()
    {
        // OpenFlamingo: context_text.replace("<image>", "") and no context images; the query keeps its image.
        var prompt = FewShotPrompt.Build(Coco, Items[0], PromptProfile.Base, [Pool[0], Pool[5]], textOnly: true);
        Assert.Equal("Output:A red ball on green grass.<|endofchunk|>\nOutput:Two blue squares on a white background.<|endofchunk|>\n<image>Output:", prompt.Render());
        Assert.Equal([Items[0].Images[0]], prompt.Images);
        Assert.Equal(2, prompt.Segments.Count(s => s is ChunkEndSegment));
    }

    [Fact]
    public void WithoutDemonstrationsTheFewShotPromptIsThePlainOne()
    {
        var plain = Coco.BuildPrompt(Items[3], PromptProfile.Base);
        Assert.Equal(plain.Render(), FewShotPrompt.Build(Coco, Items[3], PromptProfile.Base, [], textOnly: true).Render());
    }

    [Fact]
    public void APromptTooLongForTheContextDropsItsEarliestDemonstrationsFirst()
    {
        // A stand-in length: 100 per image, 1 per character.
        static int Length(InterleavedPrompt p) => p.ImageCount * 100 + p.Segments.OfType<TextSegment>().Sum(t => t.Text.Length);
        var demos = new[] { Pool[0], Pool[1], Pool[2], Pool[3] };
        int full = Length(FewShotPrompt.Build(Coco, Items[0], PromptProfile.Base, demos, false));
        int withoutFirst = Length(FewShotPrompt.Build(Coco, Items[0], PromptProfile.Base, demos[1..], false));

        var fits = FewShotPrompt.BuildWithin(Coco, Items[0], PromptProfile.Base, demos, false, Length, full);
        Assert.Equal((0, 4), (fits.Dropped, fits.Demonstrations.Count));

        var cut = FewShotPrompt.BuildWithin(Coco, Items[0], PromptProfile.Base, demos, false, Length, full - 1);
        Assert.Equal(1, cut.Dropped);
        Assert.Equal(demos[1..].Select(d => d.Index), cut.Demonstrations);
        Assert.Equal(withoutFirst, Length(cut.Prompt));

        // Not even the bare query fits: every demonstration goes and the query is sent as it is.
        var bare = FewShotPrompt.BuildWithin(Coco, Items[0], PromptProfile.Base, demos, false, Length, 5);
        Assert.Equal((4, 0), (bare.Dropped, bare.Demonstrations.Count));
        Assert.Equal("<image>Output:", bare.Prompt.Render());
    }

    [Fact]
    public void TheVqaSampleDrawsFromQuestionsOnTheCocoSamplesDemonstrationImages()
    {
        var vqa = new VqaV2Benchmark();
        Assert.Equal("sample-train", vqa.DemonstrationSplit("sample"));
        var pool = vqa.LoadSamples(new DataLocator().Locate(vqa.Info, vqa.Info.Split("sample-train"))).Cast<XGenEval.Benchmarks.Adapters.Vqa.VqaSample>().ToList();
        Assert.Equal(24, pool.Count);
        Assert.All(pool, p => Assert.True(File.Exists(((Core.Images.FileImageSource)p.Images.Single()).Path), p.Index));
        Assert.Equal(("101001", "What color is the ball?", "red"), (pool[0].Index, pool[0].Question, pool[0].Answers[0]));
        Assert.EndsWith(Path.Combine("coco", "train2014", "COCO_train2014_000000000101.jpg"), ((Core.Images.FileImageSource)pool[0].Images[0]).Path);
    }

    [Fact]
    public void VqaDemonstrationsCarryTheFirstAnswer()
    {
        var vqa = new VqaV2Benchmark();
        var items = vqa.LoadSamples(TestFiles.Shipped(vqa)).ToList();
        var prompt = FewShotPrompt.Build(vqa, items[2], PromptProfile.Base, [items[0], items[1]], textOnly: false);
        Assert.Equal("<image>Question:Is there a ball on the grass? Short answer:yes<|endofchunk|>\n<image>Question:Is the roof red? Short answer:yes<|endofchunk|>\n<image>Question:How many dogs are there? Short answer:", prompt.Render());
    }
}
