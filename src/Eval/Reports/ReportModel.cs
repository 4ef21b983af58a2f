using XGenEval.Benchmarks;

namespace XGenEval.Cli.Reports;

/// <summary>Everything a report renderer draws from.</summary>
public sealed record ReportModel(
    string Title,
    DateTimeOffset GeneratedAt,
    HarnessRecord Generator,
    StatisticsSettings Statistics,
    IReadOnlyList<RunResult> Runs,
    Leaderboard Leaderboard)
{
    /// <summary>The runs' shot counts of a benchmark split (few-shot runs), run by run.</summary>
    public IEnumerable<(RunResult Run, FewShotResult Result)> FewShot(string benchmark, string split) =>
        Runs.SelectMany(r => (r.FewShot ?? []).Where(f => f.Benchmark == benchmark && f.Split == split).Select(f => (r, f)));

    /// <summary>Every trial of those shot counts, with the trial's own result (null for a trial not started).</summary>
    public IEnumerable<(RunResult Run, FewShotResult Shots, TrialScore Trial, BenchmarkResult? Result)> FewShotTrials(string benchmark, string split) =>
        FewShot(benchmark, split).SelectMany(x => x.Result.Trials.Select(t => (x.Run, x.Result, t, x.Run.Benchmarks.GetValueOrDefault(t.Key))));

    /// <summary>The benchmark's human title when xgen-eval knows it ("MMBench (dev, English)"), else its name.</summary>
    public static string BenchmarkTitle(string benchmark) =>
        BenchmarkCatalog.All.FirstOrDefault(b => b.Info.Name == benchmark)?.Info.Title ?? benchmark;

    /// <summary>"mmbench dev · circular_accuracy", "coco karpathy-test 4-shot · CIDEr": what a column holds, in
    /// one line, with the names used on the command line (titles repeat the split: "MMBench (dev, English)").</summary>
    public static string ColumnLabel(LeaderboardColumn column) =>
        $"{column.Benchmark} {column.Split}" + (column.FewShot is { } f ? $" {f.Label}" : "") + (column.Metric.Length > 0 ? $" · {column.Metric}" : "");

    /// <summary>"MMBench (dev, English) (mmbench, dev)", or "coco (karpathy-test)" for a benchmark without a title.</summary>
    public static string BenchmarkHeading(string benchmark, string split)
    {
        string title = BenchmarkTitle(benchmark);
        return title == benchmark ? $"{benchmark} ({split})" : $"{title} ({benchmark}, {split})";
    }
}
