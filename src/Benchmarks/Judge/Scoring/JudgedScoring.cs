using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Judge.Engine;
using XGenEval.Benchmarks.Scorers.Choices;

namespace XGenEval.Benchmarks.Judge.Scoring;

/// <summary>A score report with the judge's part in it, and the judge's summary for the manifest.</summary>
public sealed record JudgedReport(ScoreReport Report, JudgeSummary Summary);

/// <summary>
/// Scores a benchmark with an LLM judge. The scorer is run as it is (its rules first, the judge only where they fail);
/// each run collects the judge queries it could not answer yet, the engine answers them (concurrently, cached,
/// retried), and the scorer runs again until it asks nothing new: a circular MMBench group asks for its next copy only
/// once the previous one is judged right, as VLMEvalKit does. With <see cref="Providers.JudgeSettings.Repeats"/> &gt; 1 the
/// whole scoring is repeated with fresh requests and the reports are averaged (<see cref="RepeatMerge"/>).
/// </summary>
public static class JudgedScoring
{
    /// <summary>More scoring passes than any scorer needs (MMBench needs one per circular copy): a scorer that keeps
    /// asking new questions has a bug.</summary>
    const int MaxPasses = 100;

    public static JudgedReport Score(IBenchmark benchmark, IReadOnlyList<Prediction> predictions, ScoringOptions options,
        JudgeEngine engine, CancellationToken cancellationToken = default)
    {
        var before = engine.Usage;
        string name = benchmark.Info.Name;
        var reports = new List<ScoreReport>();
        var views = new List<JudgeView>();
        for (int repeat = 0; repeat < engine.Settings.Repeats; repeat++)
        {
            for (int pass = 1; ; pass++)
            {
                var view = new JudgeView(engine, name, repeat);
                var report = benchmark.Score(predictions, options.WithJudges(new LlmChoiceJudge(view), view));
                if (view.Pending.Count == 0)
                {
                    reports.Add(report);
                    views.Add(view);
                    break;
                }
                if (pass == MaxPasses) throw new InvalidOperationException($"{name}: the scorer still asks new judge questions after {MaxPasses} passes");
                engine.ResolveAsync(name, repeat, view.Pending, cancellationToken).GetAwaiter().GetResult();
            }
        }
        var usage = engine.Usage.Minus(before);
        var all = views.SelectMany(v => v.Verdicts.Values).Select(v => v.Verdict.Outcome).ToList();
        var agreement = views.Count > 1 ? Agreement(views) : null;
        var summary = JudgeSummary.From(engine.Settings, usage, all.Count, all.Count(o => o == JudgeOutcome.Answered),
            all.Count(o => o == JudgeOutcome.Unusable), all.Count(o => o == JudgeOutcome.Failed), agreement,
            [.. engine.FailureSummary().Select(f => $"{f.Count} x {f.Message}")]);
        var merged = reports.Count == 1 ? reports[0] : RepeatMerge.Merge(reports);
        return new JudgedReport(JudgeReportSection.Add(merged, summary), summary);
    }

    /// <summary>Per (purpose, item) judged in every repeat: its verdict per repeat (the value, or the outcome).</summary>
    static JudgeAgreementStats Agreement(IReadOnlyList<JudgeView> views)
    {
        var items = new List<(IReadOnlyList<string>, bool)>();
        foreach (var (key, first) in views[0].Verdicts)
        {
            if (!views.All(v => v.Verdicts.ContainsKey(key))) continue;
            var verdicts = views.Select(v => v.Verdicts[key].Verdict).Select(v => v.IsAnswered ? v.Value! : "<" + v.Outcome.ToString().ToLowerInvariant() + ">").ToList();
            items.Add((verdicts, first.Scale == JudgeScale.Grade));
        }
        return JudgeAgreement.Compute(items);
    }
}
