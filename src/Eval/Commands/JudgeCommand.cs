using System.CommandLine;
using XGenEval.Cli.Cli;
using XGenEval.Cli.Runs;
using XGenEval.Core.Errors;

namespace XGenEval.Cli.Commands;

/// <summary>`xgen-eval judge`: (re-)score a finished run's predictions, with an LLM judge or the rules only, without
/// running the model again.</summary>
public static class JudgeCommand
{
    public static Command Create(CliContext context)
    {
        var runDir = new Argument<string>("run-dir") { Description = "A run directory, or a model directory (its latest run)" };
        var benchmarks = new Option<string[]>("--benchmark", "-b") { Description = "Only these benchmarks of the run (default: every scored one)", HelpName = "NAME" };
        var scoring = CommonOptions.ScoringOptions();
        var judge = new JudgeOptions();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only warnings, errors and the result table" };
        var command = new Command("judge",
            "Score a run's predictions again without the model: with an LLM judge (--judge MODEL), or with the rules only (--judge none). " +
            "Judge replies are cached in the run, so doing it again costs nothing.")
        {
            runDir, benchmarks, scoring, quiet,
        };
        judge.AddTo(command);
        command.SetAction(parse =>
        {
            if (!judge.Given(parse)) throw new UsageException("say which judge: --judge MODEL, or --judge none to score with the rules only");
            var settings = judge.Settings(parse, context);
            var options = parse.GetValue(scoring) is { Length: > 0 } pairs ? CommonOptions.ParseScoring(pairs) : null;
            using var log = new RunLog(context.Error, parse.GetValue(CommonOptions.Verbose), parse.GetValue(quiet));
            var results = new RunRescorer(log).Rescore(parse.GetValue(runDir)!, parse.GetValue(benchmarks) ?? [], options, settings, context.Arguments, context.Cancellation);
            var table = new ConsoleTable("benchmark", "split", "metric", "value", "items", "judge queries", "judge failed", "requests", "cost (USD)");
            foreach (var r in results)
                table.Add(r.Key, r.Split, r.Report.PrimaryMetric, r.Report.Overall, r.Items, r.Judge?.Queries, r.Judge is { } j ? j.Failed + j.Unusable : null,
                    r.Judge?.Requests, r.Judge?.CostUsd is { } cost ? (double)cost : null);
            context.Out.Write(table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
