using XGenEval.Benchmarks.Abstractions;
using XGenEval.Cli.Reports;
using XGenEval.Cli.Reports.Statistics;

namespace XGenEval.Cli.Compare;

public sealed record CompareOptions
{
    public TolerancePolicy Tolerance { get; init; } = TolerancePolicy.Auto;

    /// <summary>Significance level of the paired tests under automatic tolerance.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>A benchmark of the baseline that the candidate lacks does not fail the comparison.</summary>
    public bool AllowMissing { get; init; }

    /// <summary>Any movement fails: a changed headline, a changed item score or answer text, a new benchmark
    /// (for deterministic snapshots).</summary>
    public bool FailOnChange { get; init; }

    public int BootstrapResamples { get; init; } = 1000;
    public int PermutationDraws { get; init; } = 10000;
    public int Seed { get; init; }
}

/// <summary>
/// Compares a candidate run with a baseline, benchmark by benchmark: headline delta, a paired test on the
/// items both runs scored (McNemar's exact test for 0/1 items, a sign-flip permutation test for graded
/// items, a paired bootstrap for corpus metrics, groups and sums), the items that changed, and a verdict.
/// Few-shot runs are compared trial by trial (a trial of both runs has the same demonstrations when the seeds
/// agree) and, per shot count, on the mean over trials (<see cref="ShotCountComparer"/>).
/// See docs/reports.md for the rules.
/// </summary>
public sealed class RunComparer(CompareOptions options)
{
    public ComparisonResult Compare(RunResult baseline, RunResult candidate)
    {
        var result = new ComparisonResult
        {
            Baseline = Describe(baseline),
            Candidate = Describe(candidate),
            Tolerance = options.Tolerance.ToString(),
            Alpha = options.Alpha,
        };
        // Rows by (key, level): a shot count's mean ("coco.4shot", 0) sorts just before its trials ("coco.4shot.seed42", 1),
        // and before a seed-free trial that has its very key ("coco.0shot", 1).
        var rows = new SortedDictionary<(string Key, int Level), BenchmarkComparison>(RowOrder);
        foreach (string name in baseline.Benchmarks.Keys.Union(candidate.Benchmarks.Keys))
        {
            var b = baseline.Benchmarks.GetValueOrDefault(name);
            var c = candidate.Benchmarks.GetValueOrDefault(name);
            var names = FewShotComparisons.ToleranceNames(name, baseline, candidate);
            BenchmarkComparison? comparison =
                !Finished(b) ? (Finished(c) ? New(name, c!) : null)
                : !Finished(c) ? Missing(name, b!, c)
                : !b!.IsScored || !c!.IsScored ? Undefined(name, b, c!)
                : Both(name, names, b, c);
            if (comparison is null) continue;
            comparison.FewShot = FewShotComparisons.TrialOf(name, baseline, candidate);
            rows[(name, 1)] = comparison;
        }
        var trialRows = rows.Where(r => r.Value.FewShot is not null).ToDictionary(r => r.Key.Key, r => r.Value, StringComparer.Ordinal);
        var means = new Dictionary<string, BenchmarkComparison>(StringComparer.Ordinal);
        foreach (var (key, b, c) in FewShotComparisons.ShotCounts(baseline, candidate))
            if (ShotCountComparer.Compare(b, c, trialRows) is { } mean)
            {
                if (mean.Delta is not null) mean.Verdict = Judge([key, mean.Benchmark], mean);
                rows[(key, 0)] = means[key] = mean;
            }
        foreach (var ((key, _), comparison) in rows)
        {
            comparison.Fails = comparison.Verdict switch
            {
                Verdict.Regressed or Verdict.Incomparable => true,
                Verdict.Missing => !options.AllowMissing,
                Verdict.Unchanged => options.FailOnChange && comparison.PredictionsChanged > 0,
                _ => options.FailOnChange,
            };
            FewShotComparisons.ExcuseUnpairedTrial(key, comparison, means, baseline, candidate, options.FailOnChange);
            result.Benchmarks.Add(comparison);
        }
        result.Passed = !result.Benchmarks.Any(x => x.Fails);
        return result;
    }

    static readonly Comparer<(string Key, int Level)> RowOrder = Comparer<(string Key, int Level)>.Create((x, y) =>
        string.CompareOrdinal(x.Key, y.Key) is int c and not 0 ? c : x.Level.CompareTo(y.Level));

    /// <summary>Scored to the end; its headline may still be undefined (POPE's official F1 with no true positive).</summary>
    static bool Finished(BenchmarkResult? result) => result is { Status: "complete" };

    static BenchmarkComparison Undefined(string name, BenchmarkResult b, BenchmarkResult c) => new()
    {
        Benchmark = name, Split = b.Split, Metric = b.PrimaryMetric ?? c.PrimaryMetric ?? "", Baseline = b.Overall, Candidate = c.Overall,
        Verdict = Verdict.Incomparable,
        Notes = [$"the headline is undefined (not a number) in the {(b.IsScored ? "candidate" : c.IsScored ? "baseline" : "baseline and the candidate")}"],
    };

    static ComparedRun Describe(RunResult run) => new(run.Model.Id, run.RunId, run.Source, run.Harness.Version);

    static BenchmarkComparison New(string name, BenchmarkResult c) => new()
    {
        Benchmark = name, Split = c.Split, Metric = c.PrimaryMetric ?? "", Candidate = c.Overall, Verdict = Verdict.New,
        Notes = ["not in the baseline"],
    };

    static BenchmarkComparison Missing(string name, BenchmarkResult b, BenchmarkResult? c) => new()
    {
        Benchmark = name, Split = b.Split, Metric = b.PrimaryMetric ?? "", Baseline = b.Overall, Verdict = Verdict.Missing,
        Notes = [c is null ? "not in the candidate" : $"not scored in the candidate ({c.Status}, {c.Completed}/{c.Items} items)"],
    };

    BenchmarkComparison Both(string name, IReadOnlyList<string> toleranceNames, BenchmarkResult b, BenchmarkResult c)
    {
        var x = new BenchmarkComparison
        {
            Benchmark = name, Split = b.Split, Metric = b.PrimaryMetric!, Baseline = b.Overall, Candidate = c.Overall,
        };
        if (b.Split != c.Split || b.PrimaryMetric != c.PrimaryMetric)
        {
            x.Verdict = Verdict.Incomparable;
            x.Notes.Add(b.Split != c.Split ? $"split {b.Split} in the baseline, {c.Split} in the candidate" : $"headline {b.PrimaryMetric} in the baseline, {c.PrimaryMetric} in the candidate");
            return x;
        }
        x.Delta = c.Overall!.Value - b.Overall!.Value;
        if (b.DatasetSha256 is not null && c.DatasetSha256 is not null && b.DatasetSha256 != c.DatasetSha256) x.Notes.Add("the dataset files differ");
        if (b.PromptTemplateSha256 is not null && c.PromptTemplateSha256 is not null && b.PromptTemplateSha256 != c.PromptTemplateSha256) x.Notes.Add("the prompt template differs");

        Pair(name, b, c, x);
        if (x.Test == "none" && b.Uncertainty?.StandardError is double seB && c.Uncertainty?.StandardError is double seC)
        {
            x.Test = "z";
            x.StandardErrorOfDelta = Math.Sqrt(seB * seB + seC * seC);
            x.Notes.Add("no per-item pairing: the two runs' standard errors are combined as if independent");
        }
        x.Verdict = Judge(toleranceNames, x);
        return x;
    }

    /// <param name="toleranceNames">The names whose <c>--tolerance NAME=ABS</c> applies, most specific first.</param>
    Verdict Judge(IReadOnlyList<string> toleranceNames, BenchmarkComparison x)
    {
        double delta = x.Delta!.Value;
        bool moved = delta != 0 || x.ItemsLost + x.ItemsGained > 0;
        if (!moved) return Verdict.Unchanged;
        bool beyond;
        if (options.Tolerance.For(toleranceNames) is double abs)
        {
            x.Tolerance = abs;
            beyond = Math.Abs(delta) > abs;
        }
        else if (x.PValue is double p)
        {
            if (x.StandardErrorOfDelta is double se) x.Tolerance = Summary.Z95 * se;
            beyond = p < options.Alpha;
        }
        else if (x.StandardErrorOfDelta is double se)
        {
            x.Tolerance = Summary.Z95 * se;
            beyond = Math.Abs(delta) > x.Tolerance;
        }
        else
        {
            x.Tolerance = 0;
            x.Notes.Add("no standard error for this benchmark: any change counts (give --tolerance to allow some)");
            beyond = delta != 0;
        }
        if (!beyond) return Verdict.WithinTolerance;
        return delta < 0 ? Verdict.Regressed : delta > 0 ? Verdict.Improved : Verdict.WithinTolerance;
    }

    /// <summary>Pairs the items both runs scored; lists the changed ones and runs the paired test.</summary>
    void Pair(string name, BenchmarkResult b, BenchmarkResult c, BenchmarkComparison x)
    {
        if (b.ItemScores is null || c.ItemScores is null)
        {
            x.Notes.Add($"no per-item scores in the {(b.ItemScores is null ? "baseline" : "candidate")}: items cannot be paired");
            return;
        }
        var baseItems = Scored(b);
        var candItems = Scored(c);
        var common = baseItems.Keys.Where(candItems.ContainsKey).ToList();
        x.PairedItems = common.Count;
        int onlyBase = baseItems.Count - common.Count, onlyCand = candItems.Count - common.Count;
        if (onlyBase + onlyCand > 0) x.Notes.Add($"the item sets differ: {onlyBase} only in the baseline, {onlyCand} only in the candidate; {common.Count} paired");

        var changes = common.Where(i => baseItems[i].Score != candItems[i].Score)
            .Select(i => new ItemChange(i, baseItems[i].Score!.Value, candItems[i].Score!.Value, baseItems[i].Parsed, candItems[i].Parsed))
            .OrderBy(ch => ch.Candidate - ch.Baseline).ThenBy(ch => ch.Index, StringComparer.Ordinal).ToList();
        x.ChangedItems = changes;
        x.ItemsLost = changes.Count(ch => ch.Candidate < ch.Baseline);
        x.ItemsGained = changes.Count(ch => ch.Candidate > ch.Baseline);
        var rewritten = common.Where(i => baseItems[i].Prediction is { } p && candItems[i].Prediction is { } q && p != q).ToList();
        x.PredictionsChanged = rewritten.Count;
        if (rewritten.Count > 0)
            x.Notes.Add($"{rewritten.Count} answer(s) differ in text, e.g. item {rewritten[0]}: \"{Clip(baseItems[rewritten[0]].Prediction!)}\" -> \"{Clip(candItems[rewritten[0]].Prediction!)}\"");
        if (common.Count == 0) return;

        var hb = HeadlineEstimators.Build(b, out string? whyB);
        var hc = HeadlineEstimators.Build(c, out string? whyC);
        if (hb is null || hc is null)
        {
            x.Notes.Add($"no paired test: {whyB ?? whyC}");
            return;
        }
        var aggregation = b.AggregationKind;
        if (aggregation is Aggregation.Proportion or Aggregation.Mean && !hb.Grouped && !hc.Grouped)
        {
            var d = common.Select(i => candItems[i].Score!.Value - baseItems[i].Score!.Value).ToList();
            x.StandardErrorOfDelta = Summary.StandardDeviation(d) / Math.Sqrt(d.Count) * hb.Scale;
            bool binary = common.All(i => IsBinary(baseItems[i].Score!.Value) && IsBinary(candItems[i].Score!.Value));
            x.Test = binary ? "mcnemar-exact" : "sign-flip";
            x.PValue = binary
                ? PairedTests.McNemarExact(x.ItemsLost, x.ItemsGained)
                : PairedTests.SignFlip(d, options.PermutationDraws, SeededRandom.For(options.Seed, "sign-flip", name));
            return;
        }
        var candidateUnits = new HashSet<string>(hc.Table.UnitIds, StringComparer.Ordinal);
        var units = hb.Table.UnitIds.Where(candidateUnits.Contains).ToList();
        if (units.Count == 0) return;
        var deltas = Bootstrap.PairedDifferences(hb.Table.Select(units), hc.Table.Select(units), options.BootstrapResamples,
            SeededRandom.For(options.Seed, "paired", name));
        x.Test = "paired-bootstrap";
        x.PValue = PairedTests.PairedBootstrapP(deltas);
        x.StandardErrorOfDelta = Summary.StandardDeviation(deltas) * hb.Scale;
    }

    static Dictionary<string, ItemResult> Scored(BenchmarkResult result) =>
        result.ItemScores!.Where(i => i.Score is double s && double.IsFinite(s)).DistinctBy(i => i.Index).ToDictionary(i => i.Index, StringComparer.Ordinal);

    static bool IsBinary(double score) => score is 0 or 1;

    static string Clip(string text) => text.Length <= 60 ? text : text[..59] + "…";
}
