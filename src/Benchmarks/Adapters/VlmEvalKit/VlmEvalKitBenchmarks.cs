using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Adapters.MathVista;
using XGenEval.Benchmarks.Adapters.MmVet;
using XGenEval.Benchmarks.Adapters.MultipleChoice;
using XGenEval.Benchmarks.Adapters.YesNo;

namespace XGenEval.Benchmarks.Adapters.VlmEvalKit;

/// <summary>The benchmarks read from VLMEvalKit TSVs (file names as VLMEvalKit names them under <c>$LMUData</c>).</summary>
public static class VlmEvalKitBenchmarks
{
    const string Exact = "VLMEvalKit exact matching (open-compass/VLMEvalKit@" + VlmTsvBenchmark.VlmEvalKitCommit + ")";

    static BenchmarkSplit Split(string name, string file, string description) => new(name, [file], description);

    /// <summary>A benchmark with one more split (a Hugging Face parquet export of the same data).</summary>
    static BenchmarkInfo With(BenchmarkInfo info, BenchmarkSplit extra) => info with { Splits = [.. info.Splits, extra] };

    static BenchmarkSplit Sample(string folder, string file, string description) =>
        new("sample", [$"samples/{folder}/{file}"], description, Shipped: true);

    static BenchmarkInfo Mcq(string name, string title, string split, string file, string description, BenchmarkSplit? sample = null,
        string task = "multiple-choice", string metric = "accuracy (%)", string reference = Exact) => new()
    {
        Name = name,
        Title = title,
        Task = task,
        PrimaryMetric = metric,
        Splits = sample is null ? [Split(split, file, description)] : [Split(split, file, description), sample],
        DefaultSplit = split,
        Reference = reference,
    };

    const string Circular = "circular accuracy (%)";
    const string CircularReference = "VLMEvalKit circular evaluation, exact matching (open-compass/VLMEvalKit@" + VlmTsvBenchmark.VlmEvalKitCommit + ")";

    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new MmbenchBenchmark(With(Mcq("mmbench", "MMBench (dev, English)", "dev", "MMBench_DEV_EN.tsv",
            "MMBench v1.0 dev, English, with the circular copies",
            Sample("mmbench", "mmbench_sample.tsv", "6 questions with their circular copies (18 rows) made by xgen-eval, MMBench format"),
            task: "multiple-choice (circular)", metric: Circular, reference: CircularReference),
            Split("lmms-lab", "lmms-lab/MMBench_EN/data/dev-*.parquet", "lmms-lab/MMBench_EN dev parquet from the Hugging Face hub (4,377 rows with the circular copies)"))),
        new MmbenchBenchmark(Mcq("mmbench_cn", "MMBench (dev, Chinese)", "dev", "MMBench_DEV_CN.tsv",
            "MMBench v1.0 dev, Chinese, with the circular copies", task: "multiple-choice (circular)", metric: Circular, reference: CircularReference)),
        new MmbenchBenchmark(Mcq("mmbench_v11", "MMBench v1.1 (dev, English)", "dev", "MMBench_DEV_EN_V11.tsv",
            "MMBench v1.1 dev, English, with the circular copies", task: "multiple-choice (circular)", metric: Circular, reference: CircularReference)),
        new MmeBenchmark(new BenchmarkInfo
        {
            Name = "mme", Title = "MME", Task = "yes/no", PrimaryMetric = "MME total (perception + cognition)",
            Splits = [Split("test", "MME.tsv", "all 14 subtasks, 2374 questions"),
                      Split("lmms-lab", "lmms-lab/MME/data/test-*.parquet", "lmms-lab/MME test parquet from the Hugging Face hub (2,374 questions; index = row position)"),
                      Sample("mme", "mme_sample.tsv", "16 questions on 8 images made by xgen-eval, MME format")],
            DefaultSplit = "test", Reference = "official MME eval_tool/calculation.py",
        }),
        new PopeBenchmark(new BenchmarkInfo
        {
            Name = "pope", Title = "POPE (COCO)", Task = "yes/no", PrimaryMetric = "F1 (%)",
            Splits = [Split("test", "POPE.tsv", "random, popular and adversarial settings"),
                      Sample("pope", "pope_sample.tsv", "18 questions made by xgen-eval, POPE format")],
            DefaultSplit = "test", Reference = "official POPE evaluate.py",
        }),
        new MultipleChoiceBenchmark(Mcq("seedbench", "SEED-Bench (image)", "img", "SEEDBench_IMG.tsv", "the image questions of SEED-Bench")),
        new MultipleChoiceBenchmark(Mcq("mmstar", "MMStar", "val", "MMStar.tsv", "1500 vision-indispensable questions")),
        new ScienceQaBenchmark(Mcq("scienceqa", "ScienceQA (test, with images)", "test", "ScienceQA_TEST.tsv", "the test questions that have an image")),
        new MultipleChoiceBenchmark(Mcq("ai2d", "AI2D (test)", "test", "AI2D_TEST.tsv", "diagram questions, test split")),
        new MmmuBenchmark(Mcq("mmmu", "MMMU (validation)", "val", "MMMU_DEV_VAL.tsv",
            "dev (150) and validation (900) questions; the headline is validation", metric: "accuracy (%), validation",
            reference: "official MMMU evaluation (MMMU-Benchmark/MMMU@bb0b95a)")),
        // judged benchmarks (issue 8): an LLM extracts (MathVista) or grades (MM-Vet) the answers
        new MathVistaBenchmark(new BenchmarkInfo
        {
            Name = "mathvista", Title = "MathVista (testmini)", Task = "math VQA (judge extracts answers)", PrimaryMetric = "accuracy (%)",
            Splits = [Split("testmini", "MathVista_MINI.tsv", "1000 testmini problems (multiple choice and free form)")],
            DefaultSplit = "testmini", Reference = "official MathVista extract_answer + calculate_score (lupantech/MathVista@53d5258)",
        }),
        new MmVetBenchmark(new BenchmarkInfo
        {
            Name = "mmvet", Title = "MM-Vet", Task = "open VQA (judge grades answers)", PrimaryMetric = "total score (0-100, judge-graded)",
            Splits = [Split("test", "MMVet.tsv", "218 open questions over six capabilities")],
            DefaultSplit = "test", Reference = "official MM-Vet mm-vet_evaluator.py (yuweihao/MM-Vet@acde843)",
        }),
    ];
}
