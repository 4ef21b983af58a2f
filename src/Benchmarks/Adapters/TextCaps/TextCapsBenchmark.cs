using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Adapters.Captioning;
using XGenEval.Benchmarks.Adapters.Common;
using XGenEval.Benchmarks.Datasets.Formats;
using XGenEval.Core.Images;

namespace XGenEval.Benchmarks.Adapters.TextCaps;

/// <summary>
/// TextCaps validation from <c>TextCaps_0.1_val.json</c> (one row per caption; an image's references are
/// its <c>reference_strs</c>). Images are TextVQA's: <c>textvqa/train_images/{image_id}.jpg</c>. Few-shot
/// demonstrations come from <c>TextCaps_0.1_train.json</c> (same format, same image folder).
/// </summary>
public sealed class TextCapsBenchmark : CaptionBenchmark
{
    public const string Val = "textcaps/TextCaps_0.1_val.json";
    public const string Train = "textcaps/TextCaps_0.1_train.json";

    public override BenchmarkInfo Info { get; } = new()
    {
        Name = "textcaps",
        Title = "TextCaps (validation)",
        Task = "caption",
        PrimaryMetric = "CIDEr",
        DefaultSplit = "val",
        Reference = "pycocoevalcap (PTB tokenizer 3.4.1, BLEU, ROUGE-L, CIDEr-D), as lmms-eval textcaps_val calls it",
        Splits =
        [
            new BenchmarkSplit("val", [Val], "3,166 validation images, 5 captions each"),
            new BenchmarkSplit("train", [Train], "21,953 training images: the few-shot demonstration pool"),
        ],
    };

    public override string? DemonstrationSplit(string evaluationSplit) => evaluationSplit == "val" ? "train" : null;

    public override IEnumerable<Sample> LoadSamples(DatasetFiles files)
    {
        string path = files.Paths[0];
        var images = TextCapsFile.Read(path);
        string probe = (images.FirstOrDefault()?.ImageId ?? "") + ".jpg";
        string folder = ImageFolder.Find(path, probe, "../textvqa/train_images", "train_images", "images", ".");
        foreach (var image in images)
        {
            yield return new CaptionSample
            {
                Index = image.ImageId,
                Split = files.Split.Name,
                ImageId = image.ImageId,
                References = image.References,
                Images = [new FileImageSource(Path.Combine(folder, image.ImageId + ".jpg"))],
                Fields = new Dictionary<string, string> { ["image_id"] = image.ImageId, ["references"] = string.Join(" | ", image.References) },
            };
        }
    }
}
