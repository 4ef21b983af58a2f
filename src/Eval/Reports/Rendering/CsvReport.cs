using System.Globalization;
using System.Text;

namespace XGenEval.Cli.Reports.Rendering;

/// <summary>
/// The leaderboard as long-format CSV: one line per cell (a row's value for one column), so that it pivots
/// and filters easily. Measured lines carry their uncertainty and, where a published number matches, that
/// number and the gap; published lines carry their source. A few-shot cell's line (the mean over trials) carries
/// the std across trials and the trial counts, and is followed by one <c>trial</c> line per trial with its
/// score and interval. The columns are <see cref="Header"/>; those after <c>source</c> came with few-shot runs.
/// </summary>
public static class CsvReport
{
    public static readonly string[] Header =
    [
        "row_kind", "model", "setting", "run_id", "benchmark", "split", "metric", "is_primary", "value",
        "se", "ci_low", "ci_high", "ci_method", "n", "state", "finished_at", "harness_version", "harness_commit",
        "published_value", "gap", "source_status", "source",
        "shots", "std", "std_kind", "trials", "complete_trials", "seed", "trial",
    ];

    public static string Render(ReportModel report)
    {
        var sb = new StringBuilder(string.Join(",", Header)).Append('\n');
        var board = report.Leaderboard;
        foreach (var row in board.Rows)
            foreach (var (column, cell) in board.Columns.Zip(row.Cells))
            {
                if (cell.Value is null && cell.State is null) continue;
                var result = row.Run?.Benchmarks.GetValueOrDefault(column.Benchmark);
                var reference = cell.Reference;
                var fewShot = cell.Trials;
                Line(sb, [
                    row.IsPublished ? "published" : "measured",
                    row.Run?.Model.Id ?? row.Published!.Model,
                    row.Published?.Setting ?? "",
                    row.Run?.RunId ?? "",
                    column.Benchmark, column.Split, column.Metric, column.IsPrimary ? "true" : "false",
                    NumberText.Exact(cell.Value),
                    .. UncertaintyFields(cell.Uncertainty),
                    cell.State ?? "",
                    (result?.FinishedAt ?? LastTrialFinished(row.Run, fewShot))?.ToString("O") ?? "",
                    row.Run?.Harness.Version ?? "", row.Run?.Harness.Commit ?? "",
                    row.IsPublished ? "" : NumberText.Exact(reference?.Score.Value),
                    NumberText.Exact(cell.Gap),
                    reference?.Model.Status ?? "",
                    reference?.Model.Source ?? "",
                    row.IsPublished ? Count(row.Published!.Shots) : column.FewShot is { } f ? Count(f.Shots) : "",
                    NumberText.Exact(fewShot?.Std), fewShot?.StdKind ?? "",
                    fewShot is null ? "" : Count(fewShot.Trials.Count), fewShot is null ? "" : Count(fewShot.CompleteTrials),
                    "", "",
                ]);
                if (fewShot is not null) TrialLines(sb, row.Run!, column, fewShot);
            }
        return sb.ToString();
    }

    /// <summary>One line per trial of a few-shot cell: its score, and its own interval over items.</summary>
    static void TrialLines(StringBuilder sb, RunResult run, LeaderboardColumn column, FewShotResult fewShot)
    {
        foreach (var trial in fewShot.Trials)
        {
            var result = run.Benchmarks.GetValueOrDefault(trial.Key);
            Line(sb, [
                "trial", run.Model.Id, "", run.RunId, column.Benchmark, column.Split, column.Metric, column.IsPrimary ? "true" : "false",
                NumberText.Exact(trial.Score),
                .. UncertaintyFields(result?.Uncertainty),
                trial.Status == "complete" ? "" : trial.Status,
                result?.FinishedAt?.ToString("O") ?? "",
                run.Harness.Version, run.Harness.Commit ?? "",
                "", "", "", "",
                Count(fewShot.Shots), "", "", "", "",
                trial.Seed is int seed ? Count(seed) : "", trial.Key,
            ]);
        }
    }

    /// <summary>A complete shot count finished with its last trial.</summary>
    static DateTimeOffset? LastTrialFinished(RunResult? run, FewShotResult? fewShot) =>
        run is null || fewShot is not { Complete: true } ? null : fewShot.Trials.Max(t => run.Benchmarks.GetValueOrDefault(t.Key)?.FinishedAt);

    static string[] UncertaintyFields(Uncertainty? u) =>
    [
        NumberText.Exact(u?.StandardError), NumberText.Exact(u?.Low), NumberText.Exact(u?.High),
        u is null ? "" : u.Method + (u.Method == "none" ? "" : " over " + u.Units),
        u is null ? "" : Count(u.N),
    ];

    static void Line(StringBuilder sb, string[] fields) => sb.Append(string.Join(",", fields.Select(Quote))).Append('\n');

    static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
