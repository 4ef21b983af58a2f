using System.Globalization;
using System.Text;

namespace XGenEval.Cli.Reports.Rendering;

/// <summary>The few-shot part of a benchmark's Markdown detail: each shot count's mean and spread, then its trials.</summary>
public static partial class MarkdownReport
{
    const string FewShotLegend =
        "A *k*-shot column holds the mean over that shot count's trials (one per seed: the same items, other demonstrations); " +
        "`± s std (n trials)` is the population standard deviation across the trials, the spread from the choice of " +
        "demonstrations, not a confidence interval. A shot count with unscored trials shows `incomplete k/n trials` and no mean.";

    static void AppendFewShot(StringBuilder sb, ReportModel report, string benchmark, string split)
    {
        var shots = report.FewShot(benchmark, split).ToList();
        if (shots.Count == 0) return;
        sb.Append("Few-shot: mean over trials; std is the population standard deviation across trials (divisor n, as OpenFlamingo reports it), not a confidence interval.\n\n");
        var summary = new MarkdownTable(["model", "run", "shots", "demonstrations", "metric", "mean", "std", "trials"], ["l", "l", "r", "l", "l", "r", "r", "r"]);
        foreach (var (run, result) in shots)
            summary.Add([Escape(run.Model.Id), run.RunId, result.Shots.ToString(CultureInfo.InvariantCulture), Escape(result.Demonstrations),
                Escape(result.Metric ?? ""), NumberText.Value(result.Mean), NumberText.Value(result.Std),
                result.Complete ? $"{result.CompleteTrials}/{result.Trials.Count}" : Escape(FewShotColumns.Progress(result))]);
        sb.Append(summary).Append('\n');

        var trials = new MarkdownTable(["model", "run", "shots", "trial", "seed", "status", "score", "95% CI", "method"], ["l", "l", "r", "l", "r", "l", "r", "r", "l"]);
        foreach (var (run, result, trial, trialResult) in report.FewShotTrials(benchmark, split))
            trials.Add([Escape(run.Model.Id), run.RunId, result.Shots.ToString(CultureInfo.InvariantCulture), Escape(trial.Key),
                trial.Seed?.ToString(CultureInfo.InvariantCulture) ?? "", Escape(trial.Status), NumberText.Value(trial.Score),
                NumberText.Interval(trialResult?.Uncertainty), Escape(NumberText.Method(trialResult?.Uncertainty))]);
        sb.Append(trials).Append('\n');
    }
}
