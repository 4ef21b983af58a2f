using XGenEval.Cli.Reports;

namespace XGenEval.Cli.Compare;

/// <summary>
/// How `compare` places a few-shot run's rows: which shot count a trial key belongs to, which tolerances apply to
/// it, the shot counts of the two runs side by side, and when a trial that only one run has need not fail.
/// </summary>
public static class FewShotComparisons
{
    /// <summary>"coco.4shot" or "coco.4shot.rices": a shot count's row key and the name its tolerance is given under.</summary>
    public static string ShotCountKey(FewShotResult result) => $"{result.Benchmark}.{result.Setting.Key}";

    /// <summary>The shot count that <paramref name="key"/> is a trial of, in either run.</summary>
    static FewShotResult? ShotCountOf(string key, RunResult baseline, RunResult candidate) =>
        (baseline.FewShot ?? []).Concat(candidate.FewShot ?? []).FirstOrDefault(f => f.Trials.Any(t => t.Key == key));

    /// <summary>What a trial row stands for; null for a benchmark that is not a few-shot trial.</summary>
    public static FewShotComparison? TrialOf(string key, RunResult baseline, RunResult candidate) =>
        ShotCountOf(key, baseline, candidate) is { } f
            ? new FewShotComparison { Kind = "trial", Shots = f.Shots, Rices = f.Setting.Rices, Seed = f.Trials.First(t => t.Key == key).Seed }
            : null;

    /// <summary>A trial takes its own tolerance, else its shot count's, else its benchmark's
    /// (<c>--tolerance coco.4shot=2</c>, <c>--tolerance coco=2</c>).</summary>
    public static IReadOnlyList<string> ToleranceNames(string key, RunResult baseline, RunResult candidate) =>
        ShotCountOf(key, baseline, candidate) is { } f ? [key, ShotCountKey(f), f.Benchmark] : [key];

    /// <summary>Every shot count either run has, with each run's results for it.</summary>
    public static IEnumerable<(string Key, FewShotResult? Baseline, FewShotResult? Candidate)> ShotCounts(RunResult baseline, RunResult candidate) =>
        (baseline.FewShot ?? []).Concat(candidate.FewShot ?? []).Select(ShotCountKey).Distinct()
            .Select(key => (key, baseline.FewShot?.FirstOrDefault(f => ShotCountKey(f) == key), candidate.FewShot?.FirstOrDefault(f => ShotCountKey(f) == key)));

    /// <summary>
    /// A trial that one run has and the other does not (their seeds differ) is reported as new or missing, but does
    /// not fail when its shot count is scored in full in both runs: the shot count's mean is then compared and gated
    /// instead. <c>--fail-on-change</c> still fails on it, as on any difference.
    /// </summary>
    /// <param name="means">The shot counts' mean rows, by <see cref="ShotCountKey"/>.</param>
    public static void ExcuseUnpairedTrial(string key, BenchmarkComparison row, IReadOnlyDictionary<string, BenchmarkComparison> means,
        RunResult baseline, RunResult candidate, bool failOnChange)
    {
        if (failOnChange || row.FewShot is not { Kind: "trial" } || row.Verdict is not (Verdict.New or Verdict.Missing)) return;
        if (ShotCountOf(key, baseline, candidate) is not { } shotCount) return;
        string meanKey = ShotCountKey(shotCount);
        if (!means.TryGetValue(meanKey, out var mean) || mean.Delta is null) return;
        row.Fails = false;
        row.Notes.Add($"the runs' trials differ; {meanKey} is compared on its mean over trials instead");
    }
}
