using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using XGenEval.Benchmarks.Abstractions;

namespace XGenEval.Cli.Reports.Rendering;

/// <summary>
/// The report as one self-contained HTML file (inline CSS, JS and SVG; nothing is fetched when it is
/// opened): a sortable leaderboard with published rows beside measured ones, a bar chart per benchmark
/// with 95 % intervals, a heatmap, per-benchmark detail tables, the runs' provenance and the method.
/// Charts are drawn here as SVG, so the page reads the same with scripts off; the script only sorts
/// tables and hides published rows.
/// </summary>
public static partial class HtmlReport
{
    public static string Render(ReportModel report)
    {
        var board = report.Leaderboard;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<meta name=\"generator\" content=\"xgen-eval {H(report.Generator.Version)}\">\n");
        sb.Append($"<title>{H(report.Title)}</title>\n<style>\n{Asset("report.css")}</style>\n</head>\n<body>\n");
        // The hatch pattern that published bars are filled with, defined once for every chart.
        sb.Append("<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fffaf0\"/><rect width=\"3\" height=\"6\" fill=\"#fbd38d\"/></pattern></defs></svg>\n");

        sb.Append("<header class=\"page\">\n");
        sb.Append($"<h1>{H(report.Title)}</h1>\n");
        sb.Append($"<p class=\"meta\">Generated {H(NumberText.Date(report.GeneratedAt))} by xgen-eval {H(report.Generator.Version)} · " +
                  $"{report.Runs.Count} run(s) · {board.Benchmarks.Count()} benchmark split(s) · {board.PublishedRows.Count()} published row(s) · 95 % confidence intervals</p>\n");
        sb.Append("<nav><a href=\"#leaderboard\">Leaderboard</a><a href=\"#charts\">Charts</a><a href=\"#heatmap\">Heatmap</a>" +
                  "<a href=\"#benchmarks\">Benchmarks</a><a href=\"#runs\">Runs</a><a href=\"#method\">Method</a></nav>\n</header>\n<main>\n");

        Leaderboard(sb, board);
        Charts(sb, report);
        Heatmap(sb, board);
        BenchmarkDetails(sb, report);
        Runs(sb, report);
        Method(sb, report);

        sb.Append("</main>\n");
        sb.Append($"<footer>xgen-eval {H(report.Generator.Version)}{(report.Generator.Commit is null ? "" : $" (commit {H(report.Generator.Commit)})")} · " +
                  "statistics and their definitions: docs/reports.md</footer>\n");
        sb.Append($"<script>\n{Asset("report.js")}</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    static void Leaderboard(StringBuilder sb, Leaderboard board)
    {
        sb.Append("<section id=\"leaderboard\">\n<h2>Leaderboard</h2>\n");
        sb.Append("<div class=\"controls\"><label><input type=\"checkbox\" id=\"toggle-published\" checked> Show published rows</label>" +
                  "<span class=\"hint\">Click a column to sort. ± is half the 95 % interval; “± s std (n trials)” under a k-shot mean is the spread across trials, not an interval; the line below a measured value is its gap to the published number.</span></div>\n");
        sb.Append("<div class=\"table-wrap\"><table id=\"leaderboard-table\" class=\"sortable leaderboard\">\n<thead><tr>");
        sb.Append("<th data-col=\"model\" data-type=\"text\">Model</th><th data-col=\"run\" data-type=\"text\">Run / setting</th>");
        foreach (var c in board.Columns)
            sb.Append($"<th class=\"num\" data-col=\"{H(c.Id)}\" data-type=\"number\" title=\"{H(ReportModel.BenchmarkTitle(c.Benchmark))}\"><span class=\"bench\">{H(c.Benchmark)}</span>" +
                      $"<span class=\"sub\">{H(c.Split)}{(c.FewShot is { } f ? " · " + H(f.Label) : "")}{(c.Metric.Length > 0 ? " · " + H(c.Metric) : "")}</span></th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in board.Rows)
        {
            string kind = row.IsPublished ? "published" : "measured";
            sb.Append($"<tr class=\"{kind}\"><td class=\"model\" data-value=\"{H(row.Label)}\">{H(row.Label)}");
            if (row.Published is { } p) sb.Append(Badge(p.Status));
            sb.Append("</td>");
            sb.Append(row.Run is { } run ? $"<td><code>{H(run.RunId)}</code></td>" : $"<td>{H(row.Published!.Setting ?? "published")}</td>");
            foreach (var cell in row.Cells) sb.Append(LeaderboardCell(cell, row.IsPublished));
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        sb.Append("<div class=\"legend\"><span><span class=\"badge confirmed\">confirmed</span> read on the model card or paper</span>" +
                  "<span><span class=\"badge unconfirmed\">unconfirmed</span> quoted by a third party</span>" +
                  "<span><span class=\"badge third-party\">third-party</span> independent re-evaluation, other protocol</span></div>\n</section>\n");
    }

    static string LeaderboardCell(LeaderboardCell cell, bool published)
    {
        if (cell.Value is not double v)
            return cell.State is null ? "<td class=\"num\" data-value=\"\"></td>" : $"<td class=\"num\" data-value=\"\"><span class=\"state\">{H(cell.State)}</span></td>";
        var sb = new StringBuilder($"<td class=\"num\" data-value=\"{NumberText.Exact(v)}\"><span class=\"v\">{NumberText.Value(v)}</span>");
        if (!published && cell.Uncertainty is { HasInterval: true } u)
            sb.Append($"<span class=\"ci\" title=\"95 % interval {H(NumberText.Interval(u))}; {H(NumberText.Method(u))}\">{H(NumberText.HalfWidth(u))}</span>");
        if (!published && cell.Trials is { } trials) sb.Append(TrialSpread(trials));
        if (cell.Gap is double gap && cell.Reference is { } r)
        {
            double published_ = r.Score.Value;
            string side = cell.Uncertainty is { Low: double lo, High: double hi }
                ? (published_ > hi ? "below" : published_ < lo ? "above" : "within")
                : (gap < 0 ? "below" : gap > 0 ? "above" : "within");
            sb.Append($"<span class=\"gap {side}\" title=\"published {NumberText.Value(published_)} ({H(r.Model.Label)}, {H(r.Model.Status)})\">{H(NumberText.Signed(gap))} vs published</span>");
        }
        return sb.Append("</td>").ToString();
    }

    static void Charts(StringBuilder sb, ReportModel report)
    {
        var board = report.Leaderboard;
        sb.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        sb.Append("<div class=\"legend\"><span><span class=\"swatch measured\"></span>measured (whiskers: 95 % interval)</span><span><span class=\"swatch published\"></span>published</span></div>\n<div class=\"charts\">\n");
        for (int c = 0; c < board.Columns.Count; c++)
        {
            var column = board.Columns[c];
            if (!column.IsPrimary) continue;
            var bars = board.Rows
                .Where(r => r.Cells[c].Value is not null)
                .Select(r =>
                {
                    var cell = r.Cells[c];
                    string tip = $"{r.Label}: {NumberText.Value(cell.Value)}" + (cell.Uncertainty is { HasInterval: true } u ? $" {NumberText.Interval(u)}" : "")
                                 + (cell.Trials is { } t && !r.IsPublished ? $" {NumberText.TrialSpread(t)}" : "");
                    return new ChartBar(r.ShortLabel, cell.Value!.Value, cell.Uncertainty?.Low, cell.Uncertainty?.High, r.IsPublished, tip);
                }).ToList();
            if (bars.Count == 0) continue;
            bool percent = board.Measured.Any(r => r.Cells[c].Uncertainty?.Scale == 100)
                           && report.Runs.Select(r => r.Benchmarks.GetValueOrDefault(column.Benchmark)?.AggregationKind)
                               .Any(a => a is Aggregation.Proportion or Aggregation.Mean);
            sb.Append($"<figure class=\"chart\" data-col=\"{H(column.Id)}\"><h3>{H(ReportModel.BenchmarkTitle(column.Benchmark))}</h3>" +
                      $"<div class=\"sub\">{H(column.Split)}{(column.FewShot is { } f ? $" · {H(f.Label)}, mean over trials (no whiskers: trials give a spread, not an interval)" : "")} · {H(column.Metric)}</div>");
            sb.Append(SvgBarChart.Render("chart-" + column.Id, bars, percent ? 100 : null));
            sb.Append("</figure>\n");
        }
        sb.Append("</div>\n</section>\n");
    }

    static void Heatmap(StringBuilder sb, Leaderboard board)
    {
        sb.Append("<section id=\"heatmap\">\n<h2>Heatmap</h2>\n");
        sb.Append("<p class=\"note\">Each column is shaded on its own scale, from its lowest value (light) to its highest (dark), since benchmarks use different units.</p>\n");
        var rows = board.Rows.Select(r => (r.ShortLabel, r.IsPublished)).ToList();
        var columns = board.Columns.Select(ReportModel.ColumnLabel).ToList();
        var values = board.Rows.Select(r => r.Cells.Select(c => c.Value).ToArray()).ToArray();
        sb.Append("<div class=\"table-wrap\" style=\"border:none\">").Append(SvgHeatmap.Render(rows, columns, values)).Append("</div>\n</section>\n");
    }

    static void BenchmarkDetails(StringBuilder sb, ReportModel report)
    {
        var board = report.Leaderboard;
        sb.Append("<section id=\"benchmarks\">\n<h2>Benchmarks</h2>\n");
        foreach (var group in board.Benchmarks)
        {
            var (benchmark, split) = group.Key;
            var results = report.Runs.Select(r => (Run: r, Result: r.Benchmarks.GetValueOrDefault(benchmark)))
                .Where(x => x.Result is not null && x.Result.Split == split).ToList();
            string anchor = $"bench-{benchmark}-{split}";
            string title = ReportModel.BenchmarkTitle(benchmark);
            sb.Append($"<h3 id=\"{H(anchor)}\">{H(title)} <span class=\"hint\">{H(title == benchmark ? split : $"{benchmark}, {split}")}</span></h3>\n");
            var trials = report.FewShotTrials(benchmark, split).ToList();
            if (results.Select(x => x.Result!.Reference).Concat(trials.Select(t => t.Result?.Reference)).FirstOrDefault(r => r is not null) is { } reference)
                sb.Append($"<p class=\"note\">Scored as: {H(reference)}.</p>\n");
            var published = board.PublishedRows
                .SelectMany(row => board.Columns.Zip(row.Cells).Where(x => x.First.Benchmark == benchmark && x.First.Split == split && x.Second.Reference is not null)
                    .Select(x => (Row: row, Column: x.First, Reference: x.Second.Reference!)))
                .ToList();
            if (results.Count > 0 || published.Count > 0) DetailTable(sb, results, published);
            FewShotDetails(sb, report, benchmark, split);
            sb.Append("<details><summary>Data and prompt provenance</summary><div class=\"table-wrap\"><table><thead><tr><th>Run</th><th>Dataset SHA-256</th><th>Prompt template SHA-256</th><th>Decoding</th><th>Limit</th></tr></thead><tbody>");
            var made = results.Select(x => (Label: x.Run.RunId, x.Result)).Concat(trials.Select(t => (Label: $"{t.Run.RunId} {t.Trial.Key}", t.Result)));
            foreach (var (label, result) in made)
            {
                if (result is null) continue;
                sb.Append($"<tr><td><code>{H(label)}</code></td><td><code>{H(Short(result.DatasetSha256))}</code></td><td><code>{H(Short(result.PromptTemplateSha256))}</code></td>" +
                          $"<td><code>{H(result.Decoding ?? "")}</code></td><td>{(result.Limit is int l ? l.ToString(CultureInfo.InvariantCulture) : "all")}</td></tr>");
            }
            sb.Append("</tbody></table></div></details>\n");
        }
        sb.Append("</section>\n");
    }

    /// <summary>The plain runs of a benchmark split and the published numbers beside them.</summary>
    static void DetailTable(StringBuilder sb, IReadOnlyList<(RunResult Run, BenchmarkResult? Result)> results,
        IReadOnlyList<(LeaderboardRow Row, LeaderboardColumn Column, PublishedReference Reference)> published)
    {
        var metricNames = results.SelectMany(x => x.Result!.Metrics.Keys).Distinct().ToList();
        sb.Append("<div class=\"table-wrap\"><table class=\"sortable detail\"><thead><tr>" +
                  "<th data-col=\"model\" data-type=\"text\">Model</th><th>Run</th><th data-col=\"value\" data-type=\"number\" class=\"num\">Value</th>" +
                  "<th class=\"num\">95 % interval</th><th class=\"num\">SE</th><th>Method</th><th class=\"num\" data-type=\"number\">n</th><th class=\"num\">Failed</th>");
        foreach (string m in metricNames) sb.Append($"<th class=\"num\" data-type=\"number\">{H(m)}</th>");
        sb.Append("<th>Finished</th><th>Harness</th></tr></thead><tbody>\n");
        foreach (var (run, result) in results)
        {
            var u = result!.Uncertainty;
            sb.Append($"<tr class=\"measured\"><td data-value=\"{H(run.Model.Id)}\">{H(run.Model.Id)}</td><td><code>{H(run.RunId)}</code></td>");
            sb.Append(result.IsScored
                ? $"<td class=\"num\" data-value=\"{NumberText.Exact(result.Overall)}\"><span class=\"v\">{NumberText.Value(result.Overall)}</span></td>"
                : $"<td class=\"num\" data-value=\"\"><span class=\"state\">{H(result.Status)} {result.Completed}/{result.Items}</span></td>");
            sb.Append($"<td class=\"num\">{H(NumberText.Interval(u))}</td><td class=\"num\">{(u?.StandardError is double se ? NumberText.Value(se) : "")}</td>");
            sb.Append($"<td class=\"method\">{H(NumberText.Method(u))}</td><td class=\"num\" data-value=\"{result.Items}\">{result.Items}</td><td class=\"num\">{result.Failed}</td>");
            foreach (string m in metricNames) sb.Append($"<td class=\"num\" data-value=\"{NumberText.Exact(result.Metric(m))}\">{NumberText.Value(result.Metric(m))}</td>");
            sb.Append($"<td class=\"date\">{H(NumberText.Date(result.FinishedAt))}</td><td>{H(run.Harness.Version)}</td></tr>\n");
        }
        foreach (var (row, column, r) in published)
        {
            sb.Append($"<tr class=\"published\"><td data-value=\"{H(row.Label)}\">{H(row.Label)}{Badge(r.Model.Status)}</td><td>{H(r.Score.CardLabel)}</td>");
            sb.Append($"<td class=\"num\" data-value=\"{NumberText.Exact(r.Score.Value)}\"><span class=\"v\">{NumberText.Value(r.Score.Value)}</span></td>");
            sb.Append($"<td colspan=\"{6 + metricNames.Count}\" class=\"note\">{(column.FewShot is { } f ? H(f.Label) + " · " : "")}{H(column.Metric)} · {Source(r.Model)}{(r.Score.Note is null ? "" : " · " + H(r.Score.Note))}</td></tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
    }

    static void Runs(StringBuilder sb, ReportModel report)
    {
        sb.Append("<section id=\"runs\">\n<h2>Runs</h2>\n<div class=\"table-wrap\"><table class=\"sortable\"><thead><tr>" +
                  "<th data-type=\"text\">Model</th><th>Family / prompts</th><th data-type=\"text\">Run</th><th>Status</th><th data-type=\"text\">Created</th><th>Harness</th>" +
                  "<th>dtype · device</th><th>Machine</th><th>Seed</th><th>Source</th></tr></thead><tbody>\n");
        foreach (var run in report.Runs)
        {
            string model = run.Model.Id + (run.Model.Revision is null ? "" : "@" + run.Model.Revision);
            string machine = string.Join(" · ", new[] { run.Machine.Os, run.Machine.LogicalCpus > 0 ? $"{run.Machine.LogicalCpus} CPUs" : null, run.Machine.Accelerator }
                .Where(s => !string.IsNullOrEmpty(s)));
            sb.Append($"<tr><td data-value=\"{H(model)}\">{H(model)}</td><td>{H(run.Model.Family)} · {H(run.Model.PromptProfile)}</td><td data-value=\"{H(run.RunId)}\"><code>{H(run.RunId)}</code></td>" +
                      $"<td>{H(run.Status)}</td><td class=\"date\" data-value=\"{run.CreatedAt:O}\">{H(NumberText.Date(run.CreatedAt))}</td>" +
                      $"<td>{H(run.Harness.Version)}</td><td>{H(run.Model.DType)} · {H(run.Model.Device)}</td><td>{H(machine)}</td><td>{run.Seed}</td><td><code>{H(run.Source)}</code></td></tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        var sources = report.Leaderboard.PublishedRows.Select(r => r.Published!).DistinctBy(p => p.Label).ToList();
        if (sources.Count > 0)
        {
            sb.Append("<h3>Published sources</h3>\n<ul>\n");
            foreach (var p in sources) sb.Append($"<li>{H(p.Label)}{Badge(p.Status)}: {Source(p)}</li>\n");
            sb.Append("</ul>\n");
        }
        sb.Append("</section>\n");
    }

    static void Method(StringBuilder sb, ReportModel report)
    {
        sb.Append("<section id=\"method\">\n<h2>Method</h2>\n<dl class=\"method\">");
        sb.Append("<dt>Headline</dt><dd>Each benchmark's primary metric as its score report gives it, in the model cards' units (accuracy in %, CIDEr ×100, MME in points).</dd>");
        sb.Append("<dt>proportion (accuracy)</dt><dd>Binomial standard error √(p(1−p)/n) over items; interval = value ± 1.96·SE, clipped to [0, 100]. When items are scored in groups, a cluster-robust standard error over the groups.</dd>");
        sb.Append("<dt>mean (graded items)</dt><dd>Standard error of the mean s/√n (sample deviation, n−1); cluster-robust over groups when items are scored together.</dd>");
        sb.Append($"<dt>corpus and sum</dt><dd>Percentile bootstrap with {report.Statistics.BootstrapResamples} resamples (seed {report.Statistics.Seed}): items, or groups of items scored together " +
                  "(MMBench circular groups), are drawn with replacement (within each category for sums such as MME) and the headline is recomputed on each resample " +
                  "(mean of per-item CIDEr with document frequencies fixed; share of all-correct groups; F1 of “yes”; Σ over categories of accuracy + accuracy+). " +
                  "A headline the item scores do not reproduce gets no interval.</dd>");
        sb.Append("<dt>Few-shot</dt><dd>A <i>k</i>-shot column is the mean over that shot count's trials (one per seed: the same items, other demonstrations), " +
                  "shown as “mean ± s std (n trials)”: s is the population standard deviation across the trials (divisor n, as OpenFlamingo reports it), " +
                  "the spread from the choice of demonstrations, not a confidence interval. A shot count with unscored trials has no mean. " +
                  "Published k-shot numbers are matched to the k-shot column of random demonstrations.</dd>");
        sb.Append("<dt>Gap</dt><dd>Measured minus published, for the same model, benchmark, split, metric and number of shots. Red: the published number lies above the measured 95 % interval; green: below it.</dd>");
        sb.Append("</dl>\n</section>\n");
    }

    static string Source(Published.PublishedModel model) =>
        model.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")
            ? $"<a href=\"{H(url)}\">{H(model.Source)}</a>"
            : H(model.Source);

    static string Badge(string status) => $"<span class=\"badge {H(status)}\">{H(status)}</span>";

    static string Short(string? sha) => sha is null ? "" : sha.Length > 12 ? sha[..12] : sha;

    static string H(string text) => WebUtility.HtmlEncode(text);

    static string Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("XGenEval.Cli.Reports.Assets." + name)
                           ?? throw new InvalidOperationException($"report asset {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
