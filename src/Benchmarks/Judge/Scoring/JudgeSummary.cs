using System.Text.Json.Serialization;
using XGenEval.Benchmarks.Judge.Engine;
using XGenEval.Benchmarks.Judge.Providers;

namespace XGenEval.Benchmarks.Judge.Scoring;

/// <summary>What the judge did for one benchmark: who judged, how often it failed, what it cost, how stable it was.
/// Written into the run manifest (no endpoint path, no key) and shown in the report's "judge" table.</summary>
public sealed record JudgeSummary
{
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("version")] public required string Version { get; init; }
    [JsonPropertyName("provider")] public required string Provider { get; init; }

    /// <summary>Host and port only.</summary>
    [JsonPropertyName("endpoint")] public required string Endpoint { get; init; }

    /// <summary>The model names the API reported on its replies this time.</summary>
    [JsonPropertyName("response_models")] public IReadOnlyList<string> ResponseModels { get; init; } = [];
    [JsonPropertyName("repeats")] public int Repeats { get; init; } = 1;

    /// <summary>Judge queries (one per item the rules could not read, per repeat) and how they ended.</summary>
    [JsonPropertyName("queries")] public long Queries { get; init; }
    [JsonPropertyName("answered")] public long Answered { get; init; }
    [JsonPropertyName("unusable")] public long Unusable { get; init; }
    [JsonPropertyName("failed")] public long Failed { get; init; }

    /// <summary>(unusable + failed) / queries, in % (0 when there were no queries).</summary>
    [JsonPropertyName("failure_rate")] public double FailureRate { get; init; }

    [JsonPropertyName("requests")] public long Requests { get; init; }
    [JsonPropertyName("retries")] public long Retries { get; init; }
    [JsonPropertyName("cached_replies")] public long CachedReplies { get; init; }
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; init; }

    /// <summary>The estimated cost of this scoring's requests in US dollars (null: no price known).</summary>
    [JsonPropertyName("cost_usd")] public decimal? CostUsd { get; init; }
    [JsonPropertyName("price")] public string? Price { get; init; }

    [JsonPropertyName("agreement")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JudgeAgreementStats? Agreement { get; init; }

    [JsonPropertyName("errors")] public IReadOnlyList<string> Errors { get; init; } = [];

    [JsonPropertyName("judged_at")] public DateTimeOffset JudgedAt { get; init; }

    public static JudgeSummary From(JudgeSettings settings, JudgeUsage usage, long queries, long answered, long unusable, long failed,
        JudgeAgreementStats? agreement, IReadOnlyList<string> errors)
    {
        var price = JudgePrices.For(settings.ResolvedVersion, settings.Price);
        return new JudgeSummary
        {
            Model = settings.Model,
            Version = settings.ResolvedVersion,
            Provider = settings.Provider == JudgeProvider.Azure ? "azure" : "openai",
            Endpoint = settings.Endpoint.Authority,
            ResponseModels = [.. usage.ResponseModels],
            Repeats = settings.Repeats,
            Queries = queries,
            Answered = answered,
            Unusable = unusable,
            Failed = failed,
            FailureRate = queries == 0 ? 0 : (unusable + failed) * 100.0 / queries,
            Requests = usage.Requests,
            Retries = usage.Retries,
            CachedReplies = usage.CachedReplies,
            PromptTokens = usage.PromptTokens,
            CompletionTokens = usage.CompletionTokens,
            CostUsd = price?.Cost(usage.PromptTokens, usage.CompletionTokens),
            Price = price is null ? null : $"{price.InputPerMillion}/{price.OutputPerMillion} USD per million tokens ({price.Source})",
            Agreement = agreement,
            Errors = errors,
            JudgedAt = DateTimeOffset.Now,
        };
    }
}
