using System.CommandLine;
using XGenEval.Cli.Cli;
using XGenEval.Cli.Compare;
using XGenEval.Cli.Reports;
using XGenEval.Cli.Reports.Rendering;
using XGenEval.Cli.Reports.Statistics;
using XGenEval.Core.Errors;
using XGenEval.Core.IO;

namespace XGenEval.Cli.Commands;

/// <summary>
/// `xgen-eval compare BASELINE CANDIDATE`: per-benchmark and per-item differences with paired tests; exits 1
/// when a benchmark regresses beyond tolerance or is missing. `compare --write-baseline FILE RUN` writes
/// the baseline JSON that CI commits (docs/reports.md).
/// </summary>
public static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("runs")
        {
            Description = "BASELINE CANDIDATE: each a run directory, a model directory (its latest run) or a results/baseline JSON file; " +
                          "with --write-baseline, the one run to write",
            Arity = new ArgumentArity(1, 2),
        };
        var tolerance = new Option<string[]>("--tolerance", "-t")
        {
            Description = "auto (a paired test at --alpha), an absolute change in the metric's units, or BENCH=ABS for one benchmark (coco.4shot=ABS: one few-shot shot count) (repeatable)",
            HelpName = "auto|ABS|BENCH=ABS",
        };
        var alpha = new Option<double>("--alpha") { Description = "Significance level of the paired tests under --tolerance auto", DefaultValueFactory = _ => 0.05 };
        alpha.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or >= 1) r.AddError("--alpha must be between 0 and 1"); });
        var format = new Option<string>("--format", "-f") { Description = "md or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output", HelpName = "FILE" };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "A benchmark of the baseline that the candidate lacks does not fail" };
        var failOnChange = new Option<bool>("--fail-on-change") { Description = "Fail on any change at all: a moved score, a changed item score or answer, a new benchmark (deterministic snapshots such as the demo)" };
        var maxItems = new Option<int>("--max-items") { Description = "Changed items listed per benchmark in Markdown", DefaultValueFactory = _ => 20, HelpName = "N" };
        var model = new Option<string?>("--model", "-m") { Description = "Pick this model's run when an input holds several", HelpName = "ID" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write RUN as a baseline JSON file (with every item's score) instead of comparing", HelpName = "FILE" };
        var (bootstrap, seed) = ReportCommand.StatisticsOptions();

        var command = new Command("compare", "Compare a candidate run with a baseline: score deltas, paired significance tests, changed items; exit 1 on a regression.")
        {
            inputs, tolerance, alpha, format, output, allowMissing, failOnChange, maxItems, model, writeBaseline, bootstrap, seed,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(inputs)!;
            var statistics = new UncertaintyCalculator(parse.GetValue(bootstrap), parse.GetValue(seed));
            string? modelId = parse.GetValue(model);
            if (parse.GetValue(writeBaseline) is { } baselinePath)
            {
                if (paths.Length != 1) throw new UsageException("--write-baseline takes exactly one run");
                var run = LoadOne(paths[0], modelId, statistics);
                var document = new ResultsDocument
                {
                    GeneratedAt = DateTimeOffset.Now, Generator = ReportCommand.CurrentHarness(),
                    Statistics = new StatisticsSettings { BootstrapResamples = statistics.Resamples, Seed = statistics.Seed },
                    Runs = [run],
                };
                AtomicFile.WriteAllText(baselinePath, ResultsJson.Serialize(document));
                context.Error.WriteLine($"wrote baseline of {run.Model.Id} run {run.RunId} ({run.Benchmarks.Count(b => b.Value.IsScored)} scored benchmark(s)) to {baselinePath}");
                return ExitCodes.Ok;
            }
            if (paths.Length != 2) throw new UsageException("compare takes a BASELINE and a CANDIDATE");
            var comparer = new RunComparer(new CompareOptions
            {
                Tolerance = TolerancePolicy.Parse(parse.GetValue(tolerance) ?? []),
                Alpha = parse.GetValue(alpha),
                AllowMissing = parse.GetValue(allowMissing),
                FailOnChange = parse.GetValue(failOnChange),
                BootstrapResamples = statistics.Resamples,
                Seed = statistics.Seed,
            });
            var result = comparer.Compare(LoadOne(paths[0], modelId, statistics), LoadOne(paths[1], modelId, statistics));
            string text = parse.GetValue(format) == "json" ? CompareJson.Serialize(result) : CompareMarkdown.Render(result, parse.GetValue(maxItems));
            if (parse.GetValue(output) is { } outPath) AtomicFile.WriteAllText(outPath, text);
            else context.Out.Write(text);
            if (!result.Passed)
                context.Error.WriteLine("xgen-eval: compare: " + string.Join("; ",
                    result.Benchmarks.Where(b => b.Fails).Select(b => $"{CompareMarkdown.Name(b)} {CompareMarkdown.Describe(b)}")));
            return result.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>One run from a path (and --model when the path holds several), with its uncertainties.</summary>
    static RunResult LoadOne(string path, string? modelId, UncertaintyCalculator statistics)
    {
        var runs = ReportInputs.Load([path], allRuns: false);
        if (modelId is not null)
            runs = runs.Where(r => r.Model.Id == modelId || r.Model.Id.EndsWith("/" + modelId, StringComparison.Ordinal)).ToList();
        if (runs.Count != 1)
            throw new UsageException(runs.Count == 0
                ? $"{path}: no run{(modelId is null ? "" : $" of model {modelId}")}"
                : $"{path} holds {runs.Count} runs ({string.Join(", ", runs.Select(r => $"{r.Model.Id} {r.RunId}"))}); choose one with --model or name a run directory");
        ReportBuilder.Annotate(runs, statistics);
        return runs[0];
    }
}
