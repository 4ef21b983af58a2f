using System.Globalization;
using System.Text;

namespace XGenEval.Cli.Reports.Rendering;

/// <summary>The few-shot parts of the HTML report: a shot count's spread in its leaderboard cell, and a benchmark's
/// shot counts and trials in its detail section.</summary>
public static partial class HtmlReport
{
    /// <summary>"± 0.53 std (3 trials)" under a few-shot mean, the trials' scores in its tooltip.</summary>
    static string TrialSpread(FewShotResult result)
    {
        string text = NumberText.TrialSpread(result);
        if (text.Length == 0) return "";
        string scores = string.Join(", ", result.Trials.Select(t => $"seed {t.Seed?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {NumberText.Value(t.Score)}"));
        return $"<span class=\"std\" title=\"mean of {result.CompleteTrials} trials; population standard deviation across them, not a confidence interval; {H(scores)}\">{H(text)}</span>";
    }

    static void FewShotDetails(StringBuilder sb, ReportModel report, string benchmark, string split)
    {
        var shots = report.FewShot(benchmark, split).ToList();
        if (shots.Count == 0) return;
        sb.Append("<h4>Few-shot</h4>\n<p class=\"note\">Each shot count's value is the mean over its trials (one per seed: the same items, other demonstrations); " +
                  "std is the population standard deviation across the trials (divisor n, as OpenFlamingo reports it), not a confidence interval. " +
                  "Each trial's 95 % interval is over its items.</p>\n");
        sb.Append("<div class=\"table-wrap\"><table class=\"sortable detail few-shot\"><thead><tr><th data-type=\"text\">Model</th><th>Run</th>" +
                  "<th class=\"num\" data-type=\"number\">Shots</th><th>Demonstrations</th><th>Metric</th><th class=\"num\" data-type=\"number\">Mean</th>" +
                  "<th class=\"num\">Std (trials)</th><th class=\"num\">Trials</th></tr></thead><tbody>\n");
        foreach (var (run, result) in shots)
            sb.Append($"<tr class=\"measured\"><td data-value=\"{H(run.Model.Id)}\">{H(run.Model.Id)}</td><td><code>{H(run.RunId)}</code></td>" +
                      $"<td class=\"num\" data-value=\"{result.Shots}\">{result.Shots}</td><td>{H(result.Demonstrations)}</td><td>{H(result.Metric ?? "")}</td>" +
                      $"<td class=\"num\" data-value=\"{NumberText.Exact(result.Mean)}\"><span class=\"v\">{NumberText.Value(result.Mean)}</span></td>" +
                      $"<td class=\"num\">{NumberText.Value(result.Std)}</td>" +
                      $"<td class=\"num\">{(result.Complete ? $"{result.CompleteTrials}/{result.Trials.Count}" : $"<span class=\"state\">{H(FewShotColumns.Progress(result))}</span>")}</td></tr>\n");
        sb.Append("</tbody></table></div>\n");

        sb.Append("<div class=\"table-wrap\"><table class=\"sortable detail trials\"><thead><tr><th data-type=\"text\">Model</th><th>Run</th>" +
                  "<th class=\"num\" data-type=\"number\">Shots</th><th data-type=\"text\">Trial</th><th class=\"num\" data-type=\"number\">Seed</th><th>Status</th>" +
                  "<th class=\"num\" data-type=\"number\">Score</th><th class=\"num\">95 % interval</th><th>Method</th></tr></thead><tbody>\n");
        foreach (var (run, result, trial, trialResult) in report.FewShotTrials(benchmark, split))
            sb.Append($"<tr class=\"measured\"><td data-value=\"{H(run.Model.Id)}\">{H(run.Model.Id)}</td><td><code>{H(run.RunId)}</code></td>" +
                      $"<td class=\"num\" data-value=\"{result.Shots}\">{result.Shots}</td><td data-value=\"{H(trial.Key)}\"><code>{H(trial.Key)}</code></td>" +
                      $"<td class=\"num\" data-value=\"{trial.Seed}\">{trial.Seed}</td><td>{H(trial.Status)}</td>" +
                      $"<td class=\"num\" data-value=\"{NumberText.Exact(trial.Score)}\">{NumberText.Value(trial.Score)}</td>" +
                      $"<td class=\"num\">{H(NumberText.Interval(trialResult?.Uncertainty))}</td><td class=\"method\">{H(NumberText.Method(trialResult?.Uncertainty))}</td></tr>\n");
        sb.Append("</tbody></table></div>\n");
    }
}
