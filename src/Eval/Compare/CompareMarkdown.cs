using System.Globalization;
using System.Text;
using XGenEval.Cli.Reports.Rendering;

namespace XGenEval.Cli.Compare;

/// <summary>A comparison as Markdown: the verdict, a table of benchmarks (a few-shot run's shot-count means before
/// their trials), then each benchmark's notes and changed items.</summary>
public static class CompareMarkdown
{
    public static string Render(ComparisonResult result, int maxItems)
    {
        var sb = new StringBuilder("# xgen-eval compare\n\n");
        sb.Append($"- baseline: {Run(result.Baseline)}\n- candidate: {Run(result.Candidate)}\n");
        sb.Append(result.Tolerance == "auto"
            ? $"- tolerance: auto (a paired test at α = {result.Alpha.ToString(CultureInfo.InvariantCulture)} on the items both runs scored; else 1.96 standard errors)\n"
            : $"- tolerance: {result.Tolerance} (absolute, in each metric's units)\n");
        var failing = result.Benchmarks.Where(b => b.Fails).ToList();
        sb.Append(result.Passed
            ? "\n**PASS**" + (result.Benchmarks.Count == 0 ? ": nothing to compare" : "") + "\n\n"
            : $"\n**FAIL**: {string.Join(", ", failing.GroupBy(b => b.Verdict).Select(g => $"{g.Count()} {(g.Key == Verdict.Unchanged ? "with changed answers" : Word(g.Key))}"))}\n\n");

        sb.Append("| benchmark | split | metric | baseline | candidate | Δ | SE(Δ) | test | p | items −/+ | verdict |\n");
        sb.Append("|---|---|---|---:|---:|---:|---:|---|---:|---:|---|\n");
        foreach (var b in result.Benchmarks)
        {
            sb.Append($"| {Name(b)} | {b.Split} | {b.Metric} | {NumberText.Value(b.Baseline)} | {NumberText.Value(b.Candidate)} | ");
            sb.Append($"{(b.Delta is double d ? NumberText.Signed(d) : "")} | {NumberText.Value(b.StandardErrorOfDelta)} | {(b.Test == "none" ? "" : b.Test)} | ");
            sb.Append($"{(b.PValue is double p ? P(p) : "")} | {(b.PairedItems > 0 ? $"−{b.ItemsLost} / +{b.ItemsGained}" : "")} | ");
            sb.Append($"{Describe(b)}{(b.Fails ? " ✗" : "")} |\n");
        }
        foreach (var b in result.Benchmarks.Where(b => b.Notes.Count > 0 || b.ChangedItems.Count > 0))
        {
            sb.Append($"\n### {Name(b)} ({b.Split})\n\n");
            foreach (string note in b.Notes) sb.Append($"- {note}\n");
            if (b.ChangedItems.Count == 0) continue;
            sb.Append($"\n{b.ItemsLost} item(s) scored lower, {b.ItemsGained} higher" +
                      (b.ChangedItems.Count > maxItems ? $" (the first {maxItems} shown; --max-items or --format json for all)" : "") + ":\n\n");
            sb.Append("| index | baseline | candidate | baseline parsed | candidate parsed |\n|---|---:|---:|---|---|\n");
            foreach (var item in b.ChangedItems.Take(maxItems))
                sb.Append($"| {Cell(item.Index)} | {Score(item.Baseline)} | {Score(item.Candidate)} | {Cell(item.BaselineParsed ?? "")} | {Cell(item.CandidateParsed ?? "")} |\n");
        }
        return sb.ToString();
    }

    /// <summary>The benchmark, a few-shot trial's key, or "coco 4-shot mean" for a shot count's mean over trials.</summary>
    public static string Name(BenchmarkComparison b) => b.FewShot is { Kind: "mean" } f ? FewShotComparison.Label(b.Benchmark, f) : b.Benchmark;

    static string Run(ComparedRun run) => $"{run.Model} run {run.RunId} (xgen-eval {run.HarnessVersion}) from {run.Source}";

    static string P(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.####", CultureInfo.InvariantCulture);

    static string Score(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ").Replace("\r", " ");

    /// <summary>The verdict, saying so when the score held but answers changed (what --fail-on-change fails on).</summary>
    public static string Describe(BenchmarkComparison b) =>
        b.Verdict == Verdict.Unchanged && b.PredictionsChanged > 0
            ? $"score unchanged, {b.PredictionsChanged} answer(s) changed"
            : Word(b.Verdict);

    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.WithinTolerance => "within tolerance",
        _ => verdict.ToString().ToLowerInvariant(),
    };
}
