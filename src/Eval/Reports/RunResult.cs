using System.Text.Json.Serialization;

namespace XGenEval.Cli.Reports;

/// <summary>One run of one model: who made it, with what, and its benchmarks' results.</summary>
public sealed class RunResult
{
    [JsonPropertyName("run_id")] public string RunId { get; set; } = "";
    [JsonPropertyName("model")] public ModelSummary Model { get; set; } = new();
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; set; }
    [JsonPropertyName("harness")] public HarnessRecord Harness { get; set; } = new();
    [JsonPropertyName("machine")] public MachineSummary Machine { get; set; } = new();
    [JsonPropertyName("seed")] public int Seed { get; set; }
    [JsonPropertyName("decoding_overrides")] public SortedDictionary<string, string> DecodingOverrides { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where the run was read from (a run directory or a results file); not part of the identity.</summary>
    [JsonPropertyName("source")] public string Source { get; set; } = "";

    [JsonPropertyName("benchmarks")] public SortedDictionary<string, BenchmarkResult> Benchmarks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A few-shot run's results per benchmark and shot count; each trial is also one of <see cref="Benchmarks"/>,
    /// under its key (<c>coco.4shot.seed42</c>). Absent for a plain run.</summary>
    [JsonPropertyName("few_shot")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<FewShotResult>? FewShot { get; set; }

    /// <summary>Is this entry of <see cref="Benchmarks"/> a few-shot trial (shown within its shot count, not on its own)?</summary>
    public bool IsTrial(string key) => FewShot?.Any(f => f.Trials.Any(t => t.Key == key)) == true;

    /// <summary>A copy whose benchmarks leave out per-item scores (reports stay small).</summary>
    public RunResult WithoutItems()
    {
        var copy = (RunResult)MemberwiseClone();
        copy.Benchmarks = new SortedDictionary<string, BenchmarkResult>(StringComparer.Ordinal);
        foreach (var (name, benchmark) in Benchmarks) copy.Benchmarks[name] = benchmark.WithoutItems();
        return copy;
    }
}

public sealed class ModelSummary
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("family")] public string Family { get; set; } = "";
    [JsonPropertyName("revision")] public string? Revision { get; set; }
    [JsonPropertyName("prompt_profile")] public string PromptProfile { get; set; } = "";
    [JsonPropertyName("dtype")] public string DType { get; set; } = "";
    [JsonPropertyName("device")] public string Device { get; set; } = "";
}

public sealed class MachineSummary
{
    [JsonPropertyName("os")] public string Os { get; set; } = "";
    [JsonPropertyName("logical_cpus")] public int LogicalCpus { get; set; }
    [JsonPropertyName("accelerator")] public string? Accelerator { get; set; }
}
