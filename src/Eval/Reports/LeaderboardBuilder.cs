using XGenEval.Cli.Reports.Published;

namespace XGenEval.Cli.Reports;

/// <summary>Which published rows a report shows.</summary>
public enum PublishedRows
{
    /// <summary>Those of the measured models, in every published setting (the default).</summary>
    Matched,

    /// <summary>Every published row with a number in one of the report's columns.</summary>
    All,

    None,
}

/// <summary>
/// Lays runs out as models x benchmarks. Columns: each benchmark split's primary metric, then the
/// sub-scores the published cards print for it (e.g. MME perception and cognition) when the runs have them;
/// <c>--metric BENCH=KEY,...</c> replaces a benchmark's columns. A few-shot run's trials are not columns of
/// their own: each shot count of a benchmark split is one column holding the mean over its trials
/// (<see cref="FewShotColumns"/>), after the benchmark's plain columns. Benchmarks are ordered as in the
/// published files (the cards' order), then by name.
/// </summary>
public sealed class LeaderboardBuilder(PublishedMatcher matcher, PublishedRows publishedRows, IReadOnlyDictionary<string, IReadOnlyList<string>>? metricOverrides = null)
{
    public Leaderboard Build(IReadOnlyList<RunResult> runs)
    {
        var columns = Columns(runs);
        var rows = new List<LeaderboardRow>();
        foreach (var run in runs)
            rows.Add(new LeaderboardRow(RowLabel(run, runs), run, null, columns.Select(c => MeasuredCell(run, c)).ToList()));
        foreach (var model in PublishedModels(runs))
        {
            var cells = columns.Select(c => c.HasPublishedCounterparts && model.Shots == c.Shots
                                            && model.Scores.FirstOrDefault(s => matcher.Describes(s, c.Benchmark, c.Split, c.Metric, c.IsPrimary)) is { } s
                ? new LeaderboardCell(s.Value, Reference: new PublishedReference(model, s), IsPublished: true)
                : LeaderboardCell.Empty).ToList();
            if (cells.Any(c => c.Value is not null)) rows.Add(new LeaderboardRow(model.Label, null, model, cells));
        }
        return new Leaderboard(columns, rows);
    }

    List<LeaderboardColumn> Columns(IReadOnlyList<RunResult> runs)
    {
        var splits = runs.SelectMany(r => r.Benchmarks.Where(b => !r.IsTrial(b.Key)).Select(b => (Benchmark: b.Key, b.Value.Split)))
            .Concat(runs.SelectMany(r => r.FewShot ?? []).Select(f => (f.Benchmark, f.Split)))
            .Distinct().ToList();
        var columns = new List<LeaderboardColumn>();
        foreach (var (benchmark, split) in splits.OrderBy(s => BenchmarkOrder(s.Benchmark)).ThenBy(s => s.Benchmark, StringComparer.Ordinal).ThenBy(s => s.Split, StringComparer.Ordinal))
        {
            var results = runs.Select(r => r.Benchmarks.GetValueOrDefault(benchmark)).Where(b => b is not null && b.Split == split).ToList();
            if (results.Count > 0) columns.AddRange(PlainColumns(benchmark, split, results!));
            columns.AddRange(FewShotColumns.For(runs, benchmark, split));
        }
        return columns;
    }

    IEnumerable<LeaderboardColumn> PlainColumns(string benchmark, string split, IReadOnlyList<BenchmarkResult> results)
    {
        var metricNames = results.Where(b => b.IsScored).SelectMany(b => b.Metrics.Keys).Distinct().ToList();
        if (Override(benchmark) is { } keys)
            return keys.Select(k => new LeaderboardColumn(benchmark, split, k, results.Any(b => b.PrimaryMetric == k)));
        var primaries = results.Select(b => b.PrimaryMetric).OfType<string>().Distinct().ToList();
        if (primaries.Count == 0) primaries.Add("");
        // Sub-scores that the cards print for this benchmark, where the runs have them.
        var cardMetrics = matcher.Published.Models.SelectMany(m => m.Scores)
            .Where(s => s.Metric is not null && !primaries.Contains(s.Metric)
                        && matcher.Published.CanonicalBenchmark(s.Benchmark) == matcher.Published.CanonicalBenchmark(benchmark)
                        && PublishedMatcher.SplitMatches(s, split))
            .Select(s => metricNames.FirstOrDefault(n => PublishedScores.NormalizeName(n) == PublishedScores.NormalizeName(s.Metric!)))
            .OfType<string>().Distinct();
        return primaries.Select(p => new LeaderboardColumn(benchmark, split, p, true))
            .Concat(cardMetrics.Select(m => new LeaderboardColumn(benchmark, split, m, false)));
    }

    IReadOnlyList<string>? Override(string benchmark) =>
        metricOverrides?.FirstOrDefault(o => matcher.Published.CanonicalBenchmark(o.Key) == matcher.Published.CanonicalBenchmark(benchmark)).Value;

    /// <summary>Position of the benchmark's first appearance in the published files (the cards' order).</summary>
    int BenchmarkOrder(string benchmark)
    {
        string canonical = matcher.Published.CanonicalBenchmark(benchmark);
        int position = 0;
        foreach (var score in matcher.Published.Models.SelectMany(m => m.Scores))
        {
            if (matcher.Published.CanonicalBenchmark(score.Benchmark) == canonical) return position;
            position++;
        }
        return int.MaxValue;
    }

    LeaderboardCell MeasuredCell(RunResult run, LeaderboardColumn column)
    {
        if (column.FewShot is not null) return FewShotCell(run, column);
        if (!run.Benchmarks.TryGetValue(column.Benchmark, out var result) || result.Split != column.Split) return LeaderboardCell.Empty;
        if (!result.IsScored)
            return new LeaderboardCell(null, State: result.Status == "complete" ? "no score" : $"{result.Status} {result.Completed}/{result.Items}");
        string? key = result.Metrics.Keys.FirstOrDefault(k => PublishedScores.NormalizeName(k) == PublishedScores.NormalizeName(column.Metric));
        if (key is null) return LeaderboardCell.Empty;
        bool primary = key == result.PrimaryMetric;
        double? value = primary ? result.Overall : result.Metric(key);
        return new LeaderboardCell(value, primary ? result.Uncertainty : null, Reference: Reference(run, column, key, primary));
    }

    /// <summary>The mean over the shot count's trials once every trial is scored; until then its progress, never
    /// a mean over some of them.</summary>
    LeaderboardCell FewShotCell(RunResult run, LeaderboardColumn column)
    {
        if (FewShotColumns.Find(run, column) is not { } result) return LeaderboardCell.Empty;
        if (!result.Complete) return new LeaderboardCell(null, State: FewShotColumns.Progress(result), Trials: result);
        if (result.Mean is null) return new LeaderboardCell(null, State: "no score", Trials: result);
        return new LeaderboardCell(result.Mean, Reference: Reference(run, column, column.Metric, isPrimary: true), Trials: result);
    }

    /// <summary>The published number for the run's model with the column's shots (a plain run counts as zero-shot).</summary>
    PublishedReference? Reference(RunResult run, LeaderboardColumn column, string metric, bool isPrimary) =>
        column.HasPublishedCounterparts && matcher.ForRun(run.Model.Id, column.Shots, column.Benchmark, column.Split, metric, isPrimary) is { } r
            ? new PublishedReference(r.Model, r.Score)
            : null;

    IEnumerable<PublishedModel> PublishedModels(IReadOnlyList<RunResult> runs) => publishedRows switch
    {
        PublishedRows.None => [],
        PublishedRows.All => matcher.Published.Models,
        _ => matcher.Published.Models.Where(m => runs.Any(r => PublishedMatcher.SameModel(m, r.Model.Id))),
    };

    /// <summary>The model's id; with the run id when the report holds several runs of one model.</summary>
    static string RowLabel(RunResult run, IReadOnlyList<RunResult> runs) =>
        runs.Count(r => r.Model.Id == run.Model.Id) > 1 ? $"{run.Model.Id} ({run.RunId})" : run.Model.Id;
}
