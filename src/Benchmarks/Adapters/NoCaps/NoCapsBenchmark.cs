using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Adapters.Captioning;
using XGenEval.Benchmarks.Adapters.Common;
using XGenEval.Benchmarks.Datasets.Formats;
using XGenEval.Core.Images;

namespace XGenEval.Benchmarks.Adapters.NoCaps;

/// <summary>
/// NoCaps validation (4,500 Open Images pictures, 10 captions each) from <c>nocaps_val_4500_captions.json</c>
/// (COCO format; each image carries its <c>domain</c>). Scored overall and per domain (in-domain,
/// near-domain, out-domain), each domain as its own corpus, as the NoCaps evaluation server reports them.
/// Images: <c>nocaps/val/{file_name}</c>. Few-shot demonstrations come from COCO's Karpathy train split, as
/// OpenFlamingo draws them for NoCaps (<c>coco-karpathy-train</c>, read by the COCO adapter).
/// </summary>
public sealed class NoCapsBenchmark : CaptionBenchmark
{
    public const string Val = "nocaps/nocaps_val_4500_captions.json";

    public override BenchmarkInfo Info { get; } = new()
    {
        Name = "nocaps",
        Title = "NoCaps (validation)",
        Task = "caption",
        PrimaryMetric = "CIDEr",
        DefaultSplit = "val",
        Reference = "pycocoevalcap (PTB tokenizer 3.4.1, BLEU, ROUGE-L, CIDEr-D); domains scored separately as the NoCaps server does",
        Splits =
        [
            new BenchmarkSplit("val", [Val], "4,500 validation images with in/near/out-domain labels"),
            new BenchmarkSplit(CocoDemonstrations, [Coco.CocoCaptionBenchmark.Karpathy], "COCO's Karpathy train split: the few-shot demonstration pool (OpenFlamingo's choice for NoCaps)"),
        ],
    };

    const string CocoDemonstrations = "coco-karpathy-train";

    public override string? DemonstrationSplit(string evaluationSplit) => evaluationSplit == "val" ? CocoDemonstrations : null;

    protected override string? GroupName => "domain";

    public override IEnumerable<Sample> LoadSamples(DatasetFiles files)
    {
        if (files.Split.Name == CocoDemonstrations)
        {
            var coco = new Coco.CocoCaptionBenchmark();
            return coco.LoadSamples(files with { Split = coco.Info.Split("karpathy-train") });
        }
        return LoadVal(files);
    }

    static IEnumerable<Sample> LoadVal(DatasetFiles files)
    {
        string path = files.Paths[0];
        var images = CocoCaptionsFile.Read(path);
        string folder = ImageFolder.Find(path, images.FirstOrDefault()?.FileName ?? "", "val", "validation", "images", ".");
        foreach (var image in images)
        {
            yield return new CaptionSample
            {
                Index = image.ImageId,
                Split = files.Split.Name,
                ImageId = image.ImageId,
                References = image.Captions,
                Group = image.Domain ?? throw Core.Errors.DataException.At(path, null, "domain", $"image {image.ImageId} has no domain"),
                Images = [new FileImageSource(Path.Combine(folder, image.FileName))],
                Fields = new Dictionary<string, string> { ["image_id"] = image.ImageId, ["domain"] = image.Domain, ["references"] = string.Join(" | ", image.Captions) },
            };
        }
    }
}
