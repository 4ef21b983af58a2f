using System.Text;

namespace XGenEval.Cli.Reports.Rendering;

/// <summary>The report as GitHub-flavoured Markdown: leaderboard, gaps to published numbers, a detail
/// table per benchmark, and the runs' provenance.</summary>
public static partial class MarkdownReport
{
    public static string Render(ReportModel report)
    {
        var board = report.Leaderboard;
        var sb = new StringBuilder();
        sb.Append($"# {Escape(report.Title)}\n\n");
        sb.Append($"Generated {NumberText.Date(report.GeneratedAt)} by xgen-eval {report.Generator.Version} from {report.Runs.Count} run(s). ");
        sb.Append("Values are each benchmark's primary metric in the model cards' units; ± is half the width of a 95 % confidence ");
        sb.Append("interval (docs/reports.md). Rows in *italics* are published numbers, not measured here.");
        if (board.Columns.Any(c => c.FewShot is not null)) sb.Append(' ').Append(FewShotLegend);
        sb.Append("\n\n");

        sb.Append("## Leaderboard\n\n");
        var header = new List<string> { "model", "run" };
        header.AddRange(board.Columns.Select(ReportModel.ColumnLabel));
        var table = new MarkdownTable(header, ["l", "l", .. board.Columns.Select(_ => "r")]);
        foreach (var row in board.Rows)
        {
            var cells = new List<string> { row.IsPublished ? $"*{Escape(row.Label)}* ({row.Published!.Status})" : Escape(row.Label), row.Run?.RunId ?? "published" };
            cells.AddRange(row.Cells.Select(c => LeaderboardText(c, row.IsPublished)));
            table.Add(cells);
        }
        sb.Append(table).Append('\n');

        var gaps = board.Measured.Where(r => r.Cells.Any(c => c.Gap is not null)).ToList();
        if (gaps.Count > 0)
        {
            sb.Append("### Gap to published numbers (measured − published)\n\n");
            var gapTable = new MarkdownTable(header, ["l", "l", .. board.Columns.Select(_ => "r")]);
            foreach (var row in gaps)
                gapTable.Add([Escape(row.Label), row.Run!.RunId, .. row.Cells.Select(c => c.Gap is double g
                    ? $"{NumberText.Signed(g)} (vs {NumberText.Value(c.Reference!.Score.Value)}, {c.Reference.Model.Setting ?? c.Reference.Model.Status})"
                    : "")]);
            sb.Append(gapTable).Append('\n');
        }

        sb.Append("## Benchmarks\n\n");
        foreach (var benchmark in board.Benchmarks) AppendBenchmark(sb, report, benchmark.Key.Benchmark, benchmark.Key.Split);

        sb.Append("## Runs\n\n");
        var runs = new MarkdownTable(["model", "run", "status", "created", "harness", "dtype", "device", "machine", "source"], []);
        foreach (var run in report.Runs)
            runs.Add([Escape(run.Model.Id) + (run.Model.Revision is null ? "" : $"@{run.Model.Revision}"), run.RunId, run.Status,
                NumberText.Date(run.CreatedAt), Escape(run.Harness.Version), run.Model.DType, run.Model.Device,
                Escape(Machine(run)), Escape(run.Source)]);
        sb.Append(runs).Append('\n');
        return sb.ToString();
    }

    static void AppendBenchmark(StringBuilder sb, ReportModel report, string benchmark, string split)
    {
        sb.Append($"### {Escape(ReportModel.BenchmarkHeading(benchmark, split))}\n\n");
        var results = report.Runs.Select(r => (Run: r, Result: r.Benchmarks.GetValueOrDefault(benchmark)))
            .Where(x => x.Result is not null && x.Result.Split == split).ToList();
        var reference = results.Select(x => x.Result!.Reference).FirstOrDefault(r => r is not null)
                        ?? report.FewShotTrials(benchmark, split).Select(x => x.Result?.Reference).FirstOrDefault(r => r is not null);
        if (reference is not null) sb.Append($"Scored as: {Escape(reference)}.\n\n");
        if (results.Count > 0) AppendResults(sb, results);
        AppendFewShot(sb, report, benchmark, split);
        AppendPublished(sb, report, benchmark, split);
    }

    /// <summary>The plain runs of a benchmark split: value, interval, method and every named metric.</summary>
    static void AppendResults(StringBuilder sb, IReadOnlyList<(RunResult Run, BenchmarkResult? Result)> results)
    {
        var metricNames = results.SelectMany(x => x.Result!.Metrics.Keys).Distinct().ToList();
        var table = new MarkdownTable(
            ["model", "run", "primary", "value", "95% CI", "SE", "method", "n", "failed", .. metricNames, "finished", "harness"],
            ["l", "l", "l", "r", "r", "r", "l", "r", "r", .. metricNames.Select(_ => "r"), "l", "l"]);
        foreach (var (run, result) in results)
        {
            var u = result!.Uncertainty;
            table.Add([Escape(run.Model.Id), run.RunId, Escape(result.PrimaryMetric ?? ""),
                result.IsScored ? NumberText.Value(result.Overall) : $"{result.Status} {result.Completed}/{result.Items}",
                NumberText.Interval(u), u?.StandardError is double se ? NumberText.Value(se) : "", Escape(NumberText.Method(u)),
                result.Items.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. metricNames.Select(m => NumberText.Value(result.Metric(m))), NumberText.Date(result.FinishedAt), Escape(run.Harness.Version)]);
        }
        sb.Append(table).Append('\n');
    }

    static void AppendPublished(StringBuilder sb, ReportModel report, string benchmark, string split)
    {
        var published = report.Leaderboard.PublishedRows
            .SelectMany(row => report.Leaderboard.Columns.Zip(row.Cells)
                .Where(x => x.First.Benchmark == benchmark && x.First.Split == split && x.Second.Reference is not null)
                .Select(x => (Row: row, Column: x.First, x.Second.Reference!)))
            .ToList();
        if (published.Count > 0)
        {
            var pub = new MarkdownTable(["published", "card column", "metric", "value", "status", "source"], ["l", "l", "l", "r", "l", "l"]);
            foreach (var (row, column, r) in published)
                pub.Add([Escape(row.Label), Escape(r.Score.CardLabel), Escape((column.FewShot is { } f ? f.Label + " · " : "") + column.Metric), NumberText.Value(r.Score.Value), r.Model.Status,
                    Escape(r.Model.Source + (r.Score.Note is null ? "" : $" ({r.Score.Note})"))]);
            sb.Append(pub).Append('\n');
        }
    }

    static string LeaderboardText(LeaderboardCell cell, bool published)
    {
        if (cell.Value is not double v) return cell.State is null ? "" : Escape(cell.State);
        if (published) return $"*{NumberText.Value(v)}*";
        if (cell.Trials is { } trials) return $"{NumberText.Value(v)} {NumberText.TrialSpread(trials)}".TrimEnd();
        string half = NumberText.HalfWidth(cell.Uncertainty);
        return half.Length > 0 ? $"{NumberText.Value(v)} {half}" : NumberText.Value(v);
    }

    static string Machine(RunResult run) =>
        string.Join(", ", new[] { run.Machine.Os, run.Machine.Accelerator }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>Pipes end a cell and newlines a row; both are replaced.</summary>
    static string Escape(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");

    /// <summary>A pipe table with per-column alignment ("l" or "r").</summary>
    sealed class MarkdownTable(IReadOnlyList<string> header, IReadOnlyList<string> align)
    {
        readonly List<IReadOnlyList<string>> rows = [];

        public void Add(IReadOnlyList<string> cells) => rows.Add(cells);

        public override string ToString()
        {
            var sb = new StringBuilder();
            sb.Append("| ").Append(string.Join(" | ", header.Select(Escape))).Append(" |\n|");
            for (int c = 0; c < header.Count; c++) sb.Append(c < align.Count && align[c] == "r" ? "---:|" : "---|");
            sb.Append('\n');
            foreach (var row in rows) sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
            return sb.ToString();
        }
    }
}
