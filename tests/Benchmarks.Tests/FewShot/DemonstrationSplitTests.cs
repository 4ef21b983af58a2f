using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Adapters.Captioning;
using XGenEval.Benchmarks.Adapters.NoCaps;
using XGenEval.Benchmarks.Adapters.TextCaps;
using XGenEval.Benchmarks.Tests.Adapters;

namespace XGenEval.Benchmarks.Tests.FewShot;

/// <summary>Every benchmark the xGen-MM base cards report at 0/4/8 shots has a demonstration split.</summary>
public class DemonstrationSplitTests
{
    [Theory]
    [InlineData("coco", "karpathy-test", "karpathy-train")]
    [InlineData("nocaps", "val", "coco-karpathy-train")]
    [InlineData("textcaps", "val", "train")]
    [InlineData("okvqa", "val", "train")]
    [InlineData("textvqa", "val", "train")]
    [InlineData("vizwiz", "test", "train")]
    [InlineData("vqav2", "test-dev", "train")]
    [InlineData("coco", "sample", "sample-train")]
    [InlineData("vqav2", "sample", "sample-train")]
    public void TheModelCardsBenchmarksNameTheirDemonstrationSplit(string benchmark, string split, string demonstrations)
    {
        var fewShot = Assert.IsAssignableFrom<IFewShotBenchmark>(BenchmarkCatalog.Get(benchmark));
        Assert.Equal(demonstrations, fewShot.DemonstrationSplit(split));
        fewShot.Info.Split(demonstrations); // declared
    }

    [Fact]
    public void NoCapsDrawsFromCocoKarpathyTrainAsOpenFlamingoDoes()
    {
        var nocaps = new NoCapsBenchmark();
        var demo = Assert.Single(nocaps.LoadSamples(TestFiles.Split(nocaps, "coco-karpathy-train")).Cast<CaptionSample>());
        Assert.Equal("9", demo.ImageId);
        Assert.EndsWith(Path.Combine("train2014", "COCO_train2014_000000000009.jpg"), ((Core.Images.FileImageSource)demo.Images[0]).Path);
    }

    [Fact]
    public void TextCapsReadsItsTrainSplitLikeItsValSplit()
    {
        var textcaps = new TextCapsBenchmark();
        var demo = Assert.Single(textcaps.LoadSamples(TestFiles.Split(textcaps, "train")).Cast<CaptionSample>());
        Assert.Equal(("011e7e629fb9ae7b", "A bottle labelled Cola."), (demo.ImageId, demo.References[0]));
    }
}
