using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Adapters.Captioning;
using XGenEval.Benchmarks.Adapters.Common;
using XGenEval.Benchmarks.Datasets.Formats;
using XGenEval.Benchmarks.Datasets.HuggingFace;
using XGenEval.Core.Images;

namespace XGenEval.Benchmarks.Adapters.Coco;

/// <summary>
/// COCO captions. <c>karpathy-test</c>: the 5,000 images Karpathy's <c>dataset_coco.json</c> marks "test",
/// scored against <c>captions_val2014.json</c> (OpenFlamingo's evaluate_captioning + compute_cider);
/// <c>val2014</c>: every image of <c>captions_val2014.json</c> (lmms-eval coco2014_cap_val);
/// <c>karpathy-train</c>: the demonstration pool (first sentence as the caption, as OpenFlamingo's CaptionDataset);
/// <c>sample</c> draws its few-shot demonstrations from <c>sample-train</c>.
/// Images: <c>coco/{train2014|val2014}/COCO_{split}_{id:012d}.jpg</c>.
/// </summary>
public sealed class CocoCaptionBenchmark : CaptionBenchmark
{
    public const string Karpathy = "coco/annotations/dataset_coco.json";
    public const string Val2014 = "coco/annotations/captions_val2014.json";
    public const string LmmsLabVal2014 = "lmms-lab/COCO-Caption/data/val-*.parquet";

    public override BenchmarkInfo Info { get; } = new()
    {
        Name = "coco",
        Title = "COCO Captions",
        Task = "caption",
        PrimaryMetric = "CIDEr",
        DefaultSplit = "karpathy-test",
        Reference = "pycocoevalcap (PTB tokenizer 3.4.1, BLEU, ROUGE-L, CIDEr-D), as OpenFlamingo and lmms-eval call it",
        Splits =
        [
            new BenchmarkSplit("karpathy-test", [Karpathy, Val2014], "Karpathy test split (5,000 val2014 images), references from captions_val2014.json"),
            new BenchmarkSplit("val2014", [Val2014], "all 40,504 val2014 images"),
            new BenchmarkSplit("vlmevalkit", ["COCO_VAL.tsv"], "VLMEvalKit's COCO_VAL.tsv (images inline), scored on raw text as VLMEvalKit does"),
            new BenchmarkSplit("lmms-lab-val2017", ["lmms-lab/COCO-Caption2017/data/val-*.parquet"], "lmms-lab/COCO-Caption2017 val parquet from the Hugging Face hub (5,000 val2017 images inline)"),
            new BenchmarkSplit("lmms-lab-val2014", [LmmsLabVal2014], "lmms-lab/COCO-Caption val parquet from the Hugging Face hub (40,504 val2014 images inline)"),
            new BenchmarkSplit("lmms-lab-karpathy-test", [Karpathy, LmmsLabVal2014], "Karpathy test split (5,000 images) taken from lmms-lab/COCO-Caption's val2014 parquet"),
            new BenchmarkSplit("karpathy-train", [Karpathy], "Karpathy train split: the few-shot demonstration pool"),
            new BenchmarkSplit("sample", ["samples/coco/annotations/captions_sample.json"], "12 drawn images with own captions (ships with xgen-eval)", Shipped: true),
            new BenchmarkSplit("sample-train", ["samples/coco/annotations/captions_sample_train.json"], "24 drawn images with own captions: the sample's few-shot demonstration pool (ships with xgen-eval)", Shipped: true),
        ],
    };

    public override string? DemonstrationSplit(string evaluationSplit) => evaluationSplit switch
    {
        "karpathy-test" or "val2014" or "lmms-lab-karpathy-test" or "lmms-lab-val2014" => "karpathy-train",
        "sample" => "sample-train",
        _ => null,
    };

    public override IEnumerable<Sample> LoadSamples(DatasetFiles files)
    {
        string split = files.Split.Name;
        if (split.StartsWith("lmms-lab-", StringComparison.Ordinal))
        {
            foreach (var sample in LmmsLab(files)) yield return sample;
            yield break;
        }
        if (split is "karpathy-test" or "karpathy-train")
        {
            string karpathy = files.Find("dataset_coco.json");
            var images = KarpathySplitFile.Read(karpathy, split == "karpathy-test" ? "test" : "train");
            IReadOnlyDictionary<string, IReadOnlyList<string>>? official = split == "karpathy-test"
                ? CocoCaptionsFile.Read(files.Find("captions_val2014.json")).ToDictionary(i => i.ImageId, i => i.Captions)
                : null;
            string root = ImageFolder.Find(karpathy, Path.Combine(images.FirstOrDefault()?.FilePath ?? "val2014", images.FirstOrDefault()?.FileName ?? ""), "..", "../..", ".");
            foreach (var image in images)
            {
                var references = official is null ? image.Sentences
                    : official.TryGetValue(image.CocoId, out var refs) ? refs
                    : throw Core.Errors.DataException.At(karpathy, null, "cocoid", $"image {image.CocoId} of the Karpathy test split has no caption in captions_val2014.json");
                yield return Sample(split, image.CocoId, Path.Combine(root, image.FilePath, image.FileName), references);
            }
            yield break;
        }
        string path = files.Paths[0];
        if (split == "vlmevalkit")
        {
            foreach (var row in VlmEvalKitRows.Read(path, "answer").Rows)
            {
                var references = VlmEvalKitRows.List(row, "answer");
                yield return new CaptionSample
                {
                    Index = row.Index, Split = split, ImageId = row.Index, References = references, Images = row.Images,
                    Instruction = row["question"] ?? CaptionPrompts.VlmEvalKitInstruction,
                    Tokenize = CaptionScoring.None,
                    Fields = new Dictionary<string, string> { ["index"] = row.Index, ["references"] = string.Join(" | ", references) },
                };
            }
            yield break;
        }
        var coco = CocoCaptionsFile.Read(path);
        string folder = ImageFolder.Find(path, coco.FirstOrDefault()?.FileName ?? "", "../val2014", "val2014", "images", ".", "../train2014");
        foreach (var image in coco)
            yield return Sample(split, image.ImageId, Path.Combine(folder, image.FileName), image.Captions);
    }

    /// <summary>lmms-lab's parquet (references and images inline); for the Karpathy test split only the images
    /// Karpathy marks "test", all of which must be there.</summary>
    static IEnumerable<CaptionSample> LmmsLab(DatasetFiles files)
    {
        string split = files.Split.Name;
        string parquet = files.Paths[^1]; // the parquet shards come last (after dataset_coco.json for the Karpathy split)
        HashSet<string>? wanted = split == "lmms-lab-karpathy-test"
            ? KarpathySplitFile.Read(files.Paths[0], "test").Select(i => i.CocoId).ToHashSet(StringComparer.Ordinal)
            : null;
        foreach (var item in LmmsLabCaptionParquet.Coco(HfShards.Resolve(parquet, "val")))
            if (wanted is null || wanted.Remove(item.ImageId))
                yield return Sample(split, item.ImageId, item.Image, item.Captions);
        if (wanted is { Count: > 0 })
            throw new Core.Errors.DataException($"{parquet}: {wanted.Count} image(s) of the Karpathy test split are not in these files " +
                                               $"(first: {wanted.Order(StringComparer.Ordinal).First()}); they need lmms-lab/COCO-Caption's val2014 split, all shards");
    }

    static CaptionSample Sample(string split, string imageId, string imagePath, IReadOnlyList<string> references) =>
        Sample(split, imageId, new FileImageSource(imagePath), references);

    static CaptionSample Sample(string split, string imageId, ImageSource image, IReadOnlyList<string> references) => new()
    {
        Index = imageId,
        Split = split,
        ImageId = imageId,
        References = references,
        Images = [image],
        Fields = new Dictionary<string, string> { ["image_id"] = imageId, ["references"] = string.Join(" | ", references) },
    };
}
