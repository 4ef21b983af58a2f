using System.Text.Json.Serialization;

namespace XGenEval.Cli.Runs;

/// <summary>One line of a prediction journal: the outcome of one item.</summary>
public sealed record JournalEntry
{
    [JsonPropertyName("index")] public required string Index { get; init; }

    /// <summary>The benchmark's post-processed answer (what is scored).</summary>
    [JsonPropertyName("prediction")] public required string Prediction { get; init; }

    /// <summary>The model's text before post-processing.</summary>
    [JsonPropertyName("raw")] public required string Raw { get; init; }

    [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; init; }
    [JsonPropertyName("generated_tokens")] public int GeneratedTokens { get; init; }
    [JsonPropertyName("finish")] public string Finish { get; init; } = "";

    /// <summary>Wall time of the batch this item was in, divided by the batch size.</summary>
    [JsonPropertyName("latency_ms")] public double LatencyMs { get; init; }
    [JsonPropertyName("batch_size")] public int BatchSize { get; init; }

    /// <summary>Set when the item could not be run (for example its image does not decode); it then
    /// scores as wrong and is not retried unless --retry-failed.</summary>
    [JsonPropertyName("error")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; init; }

    /// <summary>Few-shot prompts: the demonstration items' ids, in prompt order.</summary>
    [JsonPropertyName("demos")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Demonstrations { get; init; }

    /// <summary>Few-shot prompts: demonstrations dropped (earliest first) so that the prompt fits the context.</summary>
    [JsonPropertyName("dropped_demos")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int DroppedDemonstrations { get; init; }
}
