using XGenEval.Benchmarks.FewShot;
using XGenEval.Cli.FewShot;
using XGenEval.Cli.Runs;

namespace XGenEval.Cli.Reports;

/// <summary>
/// Groups a few-shot run's trials into <see cref="FewShotResult"/>s, one per benchmark and shot count. Which
/// trials a shot count has is planned again from the run's settings (<see cref="FewShotPlan.TrialsOf"/>, as the run
/// planned them), so a shot count whose later trials never started still counts them; each trial's status and
/// score are its own manifest entry's. The mean and standard deviation are recomputed here with the run's own
/// <see cref="TrialStatistics"/> rather than read from <c>few_shot_results</c>, which a killed run may not
/// have written yet; where both exist they agree.
/// </summary>
public static class FewShotRunReader
{
    sealed record PlannedTrial(string Key, int Shots, int? Seed, string Selection);

    /// <summary>Null for a run that is not few-shot.</summary>
    public static List<FewShotResult>? Read(RunManifest manifest)
    {
        var settings = manifest.Settings.FewShot;
        var entries = manifest.Benchmarks.Where(kv => kv.Value is { Benchmark: not null, FewShot: not null }).ToList();
        if (settings is null && entries.Count == 0) return null;

        var results = new List<FewShotResult>();
        foreach (var benchmark in entries.GroupBy(kv => kv.Value.Benchmark!))
        {
            var planned = Planned(settings, benchmark.Key);
            var recorded = benchmark.Select(kv => new PlannedTrial(kv.Key, kv.Value.FewShot!.Shots, kv.Value.FewShot.Seed,
                kv.Value.FewShot.Demonstrations == 0 ? "none" : kv.Value.FewShot.Selection));
            var trials = planned.Concat(recorded).DistinctBy(t => t.Key).ToList();
            string split = benchmark.First().Value.Split;
            foreach (var shot in trials.GroupBy(t => (t.Shots, t.Selection)))
                results.Add(Summarise(manifest, benchmark.Key, split, shot.Key.Shots, shot.Key.Selection, shot.ToList(), settings));
        }
        return results;
    }

    /// <summary>The trials the run's settings ask for, in the order it runs them; none when the settings cannot be read.</summary>
    static IEnumerable<PlannedTrial> Planned(RunManifest.FewShotSettingsRecord? settings, string benchmark) =>
        FewShotPlan.TrialsOf(settings, benchmark)
            .Select(t => new PlannedTrial(t.Key, t.Shots, t.Seed, t.Demonstrations == 0 ? "none" : t.Selection.ToString().ToLowerInvariant()));

    static FewShotResult Summarise(RunManifest manifest, string benchmark, string split, int shots, string selection,
        IReadOnlyList<PlannedTrial> planned, RunManifest.FewShotSettingsRecord? settings)
    {
        var result = new FewShotResult
        {
            Benchmark = benchmark, Split = split, Shots = shots, Selection = selection, StdKind = TrialStatistics.StdDevKind,
            ZeroShot = shots == 0 ? settings?.ZeroShot : null,
        };
        foreach (var trial in planned)
        {
            manifest.Benchmarks.TryGetValue(trial.Key, out var record);
            bool complete = record?.Status == "complete";
            result.Metric ??= complete ? record!.PrimaryMetric : null;
            result.Trials.Add(new TrialScore { Key = trial.Key, Seed = trial.Seed, Status = record?.Status ?? "pending", Score = complete ? record!.Overall : null });
        }
        result.CompleteTrials = result.Trials.Count(t => t.Status == "complete");
        if (result.Complete)
        {
            var stats = TrialStatistics.Of(result.Trials.Select(t => t.Score ?? double.NaN));
            result.Mean = double.IsFinite(stats.Mean) ? stats.Mean : null;
            result.Std = double.IsFinite(stats.StdDev) ? stats.StdDev : null;
        }
        return result;
    }
}
