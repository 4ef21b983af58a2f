using System.Text.Json.Serialization;

namespace XGenEval.Cli.Runs;

/// <summary>
/// Everything that decides a benchmark's predictions besides the model: the data, the prompt, the decoding.
/// Written at the head of every journal; a journal whose fingerprint differs from the current command's is
/// never continued, so predictions made under different settings are never mixed.
/// </summary>
public sealed record BenchmarkFingerprint
{
    [JsonPropertyName("benchmark")] public required string Benchmark { get; init; }
    [JsonPropertyName("split")] public required string Split { get; init; }
    [JsonPropertyName("prompt_profile")] public required string PromptProfile { get; init; }
    [JsonPropertyName("dataset_sha256")] public required string DatasetSha256 { get; init; }
    [JsonPropertyName("prompt_template_sha256")] public required string PromptTemplateSha256 { get; init; }
    [JsonPropertyName("decoding")] public required string Decoding { get; init; }

    /// <summary>A few-shot trial's settings (shots, seed, selection, query set, zero-shot rule, demonstration data);
    /// absent for plain prompts, so earlier journals still match.</summary>
    [JsonPropertyName("few_shot")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FewShot { get; init; }

    /// <summary>Names the fields that differ, for the error message.</summary>
    public IEnumerable<string> Differences(BenchmarkFingerprint other)
    {
        if (Benchmark != other.Benchmark) yield return "benchmark";
        if (Split != other.Split) yield return "split";
        if (PromptProfile != other.PromptProfile) yield return "prompt profile";
        if (DatasetSha256 != other.DatasetSha256) yield return "dataset file contents";
        if (PromptTemplateSha256 != other.PromptTemplateSha256) yield return "prompt template";
        if (Decoding != other.Decoding) yield return $"decoding ({other.Decoding} then, {Decoding} now)";
        if (FewShot != other.FewShot) yield return $"few-shot settings ({other.FewShot ?? "none"} then, {FewShot ?? "none"} now)";
    }
}
