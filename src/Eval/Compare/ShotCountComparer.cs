using XGenEval.Cli.Reports;
using XGenEval.Cli.Reports.Statistics;

namespace XGenEval.Cli.Compare;

/// <summary>
/// Compares one shot count of a few-shot benchmark between two runs on its mean over trials, the number the cards
/// report and a gate should hold. The standard error of the difference of means comes from:
/// <list type="bullet">
/// <item><c>paired-trials</c>, when both runs have the same trials (the same seeds, so the same demonstrations) and
/// every trial pair has a paired standard error: SE(Δ̄) = the mean of the trials' SE(Δ_t). The trials share their
/// items, so their differences are correlated; the mean of the SEs bounds the SE of their mean whatever the
/// correlation (SD(Σ X_t) ≤ Σ SD(X_t)), where √(Σ SE_t²)/T would assume independent trials.</item>
/// <item><c>trial-spread</c>, otherwise, with at least two trials a side: SE(Δ̄) = √(s_b²/n_b + s_c²/n_c) from the
/// trials' scores (s with n − 1), as if each run's trials were a sample of demonstration draws.</item>
/// </list>
/// The verdict is then made as for any benchmark (<see cref="RunComparer"/>), on the shot count's tolerance.
/// </summary>
public static class ShotCountComparer
{
    /// <param name="trials">The comparison of every trial both runs have, by key.</param>
    /// <returns>Null when neither run has the shot count scored in full.</returns>
    public static BenchmarkComparison? Compare(FewShotResult? b, FewShotResult? c, IReadOnlyDictionary<string, BenchmarkComparison> trials)
    {
        var either = b ?? c!;
        var x = new BenchmarkComparison
        {
            Benchmark = either.Benchmark, Split = either.Split, Metric = b?.Metric ?? c?.Metric ?? "",
            Baseline = b?.Mean, Candidate = c?.Mean,
            FewShot = new FewShotComparison
            {
                Kind = "mean", Shots = either.Shots, Rices = either.Setting.Rices,
                BaselineStd = b?.Std, CandidateStd = c?.Std, BaselineTrials = b?.CompleteTrials, CandidateTrials = c?.CompleteTrials,
            },
        };
        if (b is not { Complete: true })
        {
            if (c is not { Complete: true }) return null;
            x.Verdict = Verdict.New;
            x.Notes.Add(b is null ? "not in the baseline" : $"not every trial is scored in the baseline ({FewShotColumns.Progress(b)})");
            return x;
        }
        if (c is not { Complete: true })
        {
            x.Verdict = Verdict.Missing;
            x.Notes.Add(c is null ? "not in the candidate" : $"not every trial is scored in the candidate ({FewShotColumns.Progress(c)})");
            return x;
        }
        if (b.Mean is null || c.Mean is null || b.Split != c.Split || b.Metric != c.Metric)
        {
            x.Verdict = Verdict.Incomparable;
            x.Notes.Add(b.Split != c.Split ? $"split {b.Split} in the baseline, {c.Split} in the candidate"
                : b.Metric != c.Metric ? $"metric {b.Metric} in the baseline, {c.Metric} in the candidate"
                : "the mean is undefined (no trial has a numeric score)");
            return x;
        }
        x.Delta = c.Mean.Value - b.Mean.Value;
        x.Notes.Add($"mean of {NumberText(b)} in the baseline, {NumberText(c)} in the candidate");
        Pair(b, c, trials, x);
        return x;
    }

    static void Pair(FewShotResult b, FewShotResult c, IReadOnlyDictionary<string, BenchmarkComparison> trials, BenchmarkComparison x)
    {
        var paired = b.Trials.Select(t => trials.GetValueOrDefault(t.Key)).OfType<BenchmarkComparison>().Where(t => t.Delta is not null).ToList();
        x.FewShot!.PairedTrials = paired.Count;
        x.PairedItems = paired.Sum(t => t.PairedItems);
        x.ItemsLost = paired.Sum(t => t.ItemsLost);
        x.ItemsGained = paired.Sum(t => t.ItemsGained);
        x.PredictionsChanged = paired.Sum(t => t.PredictionsChanged);
        bool sameTrials = b.Trials.Select(t => t.Key).ToHashSet().SetEquals(c.Trials.Select(t => t.Key)) && paired.Count == b.Trials.Count;
        if (sameTrials && paired.All(t => t.StandardErrorOfDelta is not null))
        {
            x.Test = "paired-trials";
            x.StandardErrorOfDelta = paired.Average(t => t.StandardErrorOfDelta!.Value);
            return;
        }
        var scoresB = Scores(b);
        var scoresC = Scores(c);
        if (scoresB.Count >= 2 && scoresC.Count >= 2)
        {
            x.Test = "trial-spread";
            double sb = Summary.StandardDeviation(scoresB), sc = Summary.StandardDeviation(scoresC);
            x.StandardErrorOfDelta = Math.Sqrt(sb * sb / scoresB.Count + sc * sc / scoresC.Count);
            x.Notes.Add(sameTrials
                ? "the trials' paired tests give no standard error: the difference is judged on the trials' spread"
                : "the runs' trials differ (other seeds: other demonstrations): the difference is judged on the trials' spread, not paired");
            return;
        }
        x.Notes.Add("one trial and no paired standard error: the mean's difference has no standard error");
    }

    static List<double> Scores(FewShotResult result) => result.Trials.Select(t => t.Score ?? double.NaN).Where(double.IsFinite).ToList();

    /// <summary>"3 trials (std 0.53)".</summary>
    static string NumberText(FewShotResult result) =>
        $"{Reports.Rendering.NumberText.TrialCount(result.CompleteTrials)} (std {Reports.Rendering.NumberText.Value(result.Std)})";
}
