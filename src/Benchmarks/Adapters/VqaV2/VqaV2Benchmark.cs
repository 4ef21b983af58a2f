using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Adapters.Common;
using XGenEval.Benchmarks.Adapters.Vqa;
using XGenEval.Benchmarks.Datasets.Formats;
using XGenEval.Benchmarks.Datasets.HuggingFace;
using XGenEval.Core.Images;

namespace XGenEval.Benchmarks.Adapters.VqaV2;

/// <summary>
/// VQAv2 in the official question/annotation files; images <c>coco/{val2014|train2014|test2015}/COCO_*_{id:012d}.jpg</c>.
/// <c>test-dev</c> has no answers: scoring writes the EvalAI submission (test-dev answers, every other
/// test2015 question empty), as OpenFlamingo does. Default scorer: the official vqaEval.
/// </summary>
public sealed class VqaV2Benchmark : VqaBenchmark
{
    public override BenchmarkInfo Info { get; } = new()
    {
        Name = "vqav2",
        Title = "VQAv2",
        Task = "vqa",
        PrimaryMetric = "VQA accuracy (%)",
        DefaultSplit = "val",
        Reference = "official VQA evaluation (GT-Vision-Lab vqaEval.py)",
        Splits =
        [
            new BenchmarkSplit("val", ["vqav2/v2_OpenEnded_mscoco_val2014_questions.json", "vqav2/v2_mscoco_val2014_annotations.json"], "214,354 val2014 questions"),
            new BenchmarkSplit("test-dev", ["vqav2/v2_OpenEnded_mscoco_test-dev2015_questions.json", "vqav2/v2_OpenEnded_mscoco_test2015_questions.json"], "107,394 test-dev questions; answers hidden (EvalAI submission)"),
            new BenchmarkSplit("train", ["vqav2/v2_OpenEnded_mscoco_train2014_questions.json", "vqav2/v2_mscoco_train2014_annotations.json"], "train2014 questions: the few-shot demonstration pool"),
            new BenchmarkSplit("lmms-lab", ["lmms-lab/VQAv2/data/validation-*.parquet"], "lmms-lab/VQAv2 validation parquet from the Hugging Face hub (214,354 questions, images inline)"),
            new BenchmarkSplit("sample", ["samples/vqav2/v2_OpenEnded_mscoco_sample_questions.json", "samples/vqav2/v2_mscoco_sample_annotations.json"], "12 own questions on drawn images (ships with xgen-eval)", Shipped: true),
            new BenchmarkSplit("sample-train", ["samples/vqav2/v2_OpenEnded_mscoco_sample_train_questions.json", "samples/vqav2/v2_mscoco_sample_train_annotations.json"], "24 own questions on the COCO sample's drawn demonstration images: the sample's few-shot pool (ships with xgen-eval)", Shipped: true),
        ],
    };

    protected override string DefaultVariant => "official";

    protected override int InstructMaxNewTokens => 16;

    protected override string Instruct(VqaSample sample) => sample.Question + VqaPrompts.ShortAnswer;

    public override string? DemonstrationSplit(string evaluationSplit) => evaluationSplit switch
    {
        "val" or "test-dev" or "lmms-lab" => "train",
        "sample" => "sample-train",
        _ => null,
    };

    public override IEnumerable<Sample> LoadSamples(DatasetFiles files)
    {
        string split = files.Split.Name;
        if (split == "lmms-lab")
        {
            foreach (var item in LmmsLabVqaParquet.VqaV2(HfShards.Resolve(files.Paths[0], "validation"))) yield return Sample(split, item.Question, item.Image);
            yield break;
        }
        bool test = split == "test-dev";
        var questions = VqaQuestionFiles.Read(files.Paths[0], test ? null : files.Paths[1]);
        IReadOnlyList<string>? everyTestQuestion = test ? VqaQuestionFiles.Read(files.Paths[1], null).Select(q => q.QuestionId).ToList() : null;
        string coco = split switch { "train" or "sample-train" => "train2014", "test-dev" => "test2015", _ => "val2014" };
        string probe = questions.Count > 0 ? CocoFileName(coco, questions[0].ImageId) : "";
        string folder = ImageFolder.Find(files.Paths[0], probe, $"../coco/{coco}", coco, "images", ".");
        foreach (var q in questions)
            yield return Sample(split, q, new FileImageSource(Path.Combine(folder, CocoFileName(coco, q.ImageId)))) with { SubmissionKeys = everyTestQuestion };
    }

    protected override string? Submission(IReadOnlyList<(VqaSample Sample, string Prediction)> answered, string split) =>
        split == "test-dev" ? EvalAiSubmission.VqaV2(answered) : null;
}
