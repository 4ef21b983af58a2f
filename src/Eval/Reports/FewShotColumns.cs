using System.Globalization;

namespace XGenEval.Cli.Reports;

/// <summary>
/// The leaderboard's few-shot columns: one per benchmark split, shot count (random or RICES demonstrations) and
/// primary metric, in increasing shot count. They hold the primary metric only, as the cards' few-shot tables do
/// (<c>--metric</c> changes a benchmark's plain columns, not these).
/// </summary>
public static class FewShotColumns
{
    public static IEnumerable<LeaderboardColumn> For(IReadOnlyList<RunResult> runs, string benchmark, string split)
    {
        var results = runs.SelectMany(r => r.FewShot ?? []).Where(f => f.Benchmark == benchmark && f.Split == split).ToList();
        foreach (var setting in results.Select(f => f.Setting).Distinct().OrderBy(s => s.Shots).ThenBy(s => s.Rices))
        {
            var metrics = results.Where(f => f.Setting == setting).Select(f => f.Metric).OfType<string>().Distinct().ToList();
            if (metrics.Count == 0) metrics.Add(""); // nothing scored yet: one column for the progress
            foreach (string metric in metrics) yield return new LeaderboardColumn(benchmark, split, metric, true, setting);
        }
    }

    /// <summary>The run's shot count behind a few-shot column; one with no trial scored yet belongs to any metric's column.</summary>
    public static FewShotResult? Find(RunResult run, LeaderboardColumn column) =>
        run.FewShot?.FirstOrDefault(f => f.Benchmark == column.Benchmark && f.Split == column.Split && f.Setting == column.FewShot
                                          && (f.Metric is null || f.Metric == column.Metric));

    /// <summary>"incomplete 2/3 trials": what an unfinished shot count shows instead of a mean.</summary>
    public static string Progress(FewShotResult result) =>
        $"incomplete {result.CompleteTrials.ToString(CultureInfo.InvariantCulture)}/{result.Trials.Count.ToString(CultureInfo.InvariantCulture)} trials";
}
