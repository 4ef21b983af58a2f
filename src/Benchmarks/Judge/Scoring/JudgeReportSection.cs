using System.Globalization;
using XGenEval.Benchmarks.Abstractions;

namespace XGenEval.Benchmarks.Judge.Scoring;

/// <summary>The judge's part of a score report: its counts (the failure rate among them), a "judge" table and notes.</summary>
public static class JudgeReportSection
{
    public static ScoreReport Add(ScoreReport report, JudgeSummary s)
    {
        var counts = new Dictionary<string, long>(report.Counts)
        {
            ["judge_queries"] = s.Queries,
            ["judge_answered"] = s.Answered,
            ["judge_unusable"] = s.Unusable,
            ["judge_failed"] = s.Failed,
            ["judge_requests"] = s.Requests,
            ["judge_cached_replies"] = s.CachedReplies,
            ["judge_prompt_tokens"] = s.PromptTokens,
            ["judge_completion_tokens"] = s.CompletionTokens,
        };
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("model", s.Model), Row("version", s.Version), Row("provider", $"{s.Provider} ({s.Endpoint})"),
            Row("response models", s.ResponseModels.Count == 0 ? "(none this time)" : string.Join(", ", s.ResponseModels)),
            Row("queries", s.Queries), Row("answered", s.Answered), Row("unusable replies", s.Unusable), Row("failed", s.Failed),
            Row("failure rate (%)", s.FailureRate),
            Row("requests", s.Requests), Row("retries", s.Retries), Row("cached replies", s.CachedReplies),
            Row("prompt tokens", s.PromptTokens), Row("completion tokens", s.CompletionTokens),
            Row("estimated cost (USD)", s.CostUsd is { } cost ? (double)cost : "unknown (no price for this model; --judge-price)"),
            Row("repeats", s.Repeats),
        };
        if (s.Agreement is { } a)
        {
            rows.Add(Row("repeat agreement: items", a.Items));
            rows.Add(Row("repeat agreement: unanimous (%)", a.UnanimousPercent));
            rows.Add(Row("repeat agreement: Fleiss' kappa", a.FleissKappa));
            rows.Add(Row("repeat agreement: mean grade std", a.MeanGradeStd));
        }
        var notes = new List<string>(report.Notes);
        if (s.Failed > 0)
            notes.Add($"{s.Failed} of {s.Queries} judge queries got no reply ({string.Join("; ", s.Errors.Take(3))}); " +
                      "those items fell back to the rules' reading (see docs/judge.md) and failures are not cached: `xgen-eval judge` asks again");
        if (s.Unusable > 0)
            notes.Add($"{s.Unusable} of {s.Queries} judge queries got only replies that could not be read, after every attempt the reference makes");
        return report with
        {
            Counts = counts,
            Tables = [.. report.Tables, new MetricTable("judge", ["judge", "value"], rows)],
            Notes = notes,
        };
    }

    static IReadOnlyList<object?> Row(string name, object? value) => [name, value switch
    {
        double d => d,
        long l => l,
        int i => i,
        null => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    }];
}
