using System.Text.Json.Serialization;

namespace XGenEval.Cli.Runs;

/// <summary>
/// <c>manifest.json</c> of a run directory: everything needed to know how its numbers were made. It never
/// holds secrets (command lines are redacted, no environment is recorded).
/// </summary>
public sealed class RunManifest
{
    [JsonPropertyName("run_id")] public string RunId { get; set; } = "";

    /// <summary>Hash of what decides predictions across benchmarks (model, dtype, decoding overrides, seed):
    /// a later command with the same key continues this run instead of starting another.</summary>
    [JsonPropertyName("run_key")] public string RunKey { get; set; } = "";

    [JsonPropertyName("status")] public string Status { get; set; } = "running";
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; set; }
    [JsonPropertyName("harness")] public HarnessInfo Harness { get; set; } = new();
    [JsonPropertyName("model")] public ModelRecord Model { get; set; } = new();
    [JsonPropertyName("settings")] public RunSettings Settings { get; set; } = new();
    [JsonPropertyName("machine")] public MachineRecord Machine { get; set; } = new();
    [JsonPropertyName("invocations")] public List<Invocation> Invocations { get; set; } = [];
    [JsonPropertyName("benchmarks")] public SortedDictionary<string, BenchmarkRecord> Benchmarks { get; set; } = new(StringComparer.Ordinal);

    public sealed class HarnessInfo
    {
        [JsonPropertyName("version")] public string Version { get; set; } = "";
        [JsonPropertyName("commit")] public string? Commit { get; set; }
    }

    public sealed class ModelRecord
    {
        [JsonPropertyName("id")] public string Id { get; set; } = "";
        [JsonPropertyName("family")] public string Family { get; set; } = "";
        [JsonPropertyName("prompt_profile")] public string PromptProfile { get; set; } = "";
        [JsonPropertyName("revision")] public string? Revision { get; set; }
        [JsonPropertyName("dtype")] public string DType { get; set; } = "";
        [JsonPropertyName("device")] public string Device { get; set; } = "";
        [JsonPropertyName("context_length")] public int? ContextLength { get; set; }
        [JsonPropertyName("details")] public SortedDictionary<string, string> Details { get; set; } = new(StringComparer.Ordinal);
    }

    public sealed class RunSettings
    {
        /// <summary>Decoding settings given on the command line; benchmarks' own defaults are in each
        /// <see cref="BenchmarkRecord.Decoding"/>.</summary>
        [JsonPropertyName("decoding_overrides")] public SortedDictionary<string, string> DecodingOverrides { get; set; } = new(StringComparer.Ordinal);
        [JsonPropertyName("seed")] public int Seed { get; set; }
    }

    public sealed class MachineRecord
    {
        [JsonPropertyName("os")] public string Os { get; set; } = "";
        [JsonPropertyName("architecture")] public string Architecture { get; set; } = "";
        [JsonPropertyName("logical_cpus")] public int LogicalCpus { get; set; }
        [JsonPropertyName("memory_gib")] public double MemoryGib { get; set; }
        [JsonPropertyName("dotnet")] public string DotNet { get; set; } = "";
        [JsonPropertyName("accelerator")] public string? Accelerator { get; set; }
    }

    public sealed class Invocation
    {
        [JsonPropertyName("argv")] public List<string> Argv { get; set; } = [];
        /// <summary>The shard the invocation ran ("judge" for an `xgen-eval judge` re-scoring).</summary>
        [JsonPropertyName("shard")] public string Shard { get; set; } = "0/1";
        [JsonPropertyName("started_at")] public DateTimeOffset StartedAt { get; set; }
        [JsonPropertyName("ended_at")] public DateTimeOffset? EndedAt { get; set; }
        [JsonPropertyName("outcome")] public string Outcome { get; set; } = "running";
        [JsonPropertyName("items_generated")] public int ItemsGenerated { get; set; }
    }

    public sealed class DatasetFile
    {
        [JsonPropertyName("path")] public string Path { get; set; } = "";
        [JsonPropertyName("bytes")] public long Bytes { get; set; }
        [JsonPropertyName("sha256")] public string Sha256 { get; set; } = "";
    }

    public sealed class BenchmarkRecord
    {
        [JsonPropertyName("split")] public string Split { get; set; } = "";

        /// <summary>pending, running, complete (scored), or waiting-for-shards.</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = "pending";
        [JsonPropertyName("files")] public List<DatasetFile> Files { get; set; } = [];
        [JsonPropertyName("prompt_profile")] public string PromptProfile { get; set; } = "";
        [JsonPropertyName("prompt_template_sha256")] public string PromptTemplateSha256 { get; set; } = "";
        [JsonPropertyName("decoding")] public string Decoding { get; set; } = "";
        [JsonPropertyName("limit")] public int? Limit { get; set; }
        [JsonPropertyName("items")] public int Items { get; set; }
        [JsonPropertyName("completed")] public int Completed { get; set; }
        [JsonPropertyName("failed")] public int Failed { get; set; }
        [JsonPropertyName("primary_metric")] public string? PrimaryMetric { get; set; }
        [JsonPropertyName("overall")] public double? Overall { get; set; }
        [JsonPropertyName("aggregation")] public string? Aggregation { get; set; }
        [JsonPropertyName("reference")] public string? Reference { get; set; }
        [JsonPropertyName("scores")] public string? Scores { get; set; }
        [JsonPropertyName("predictions")] public string? Predictions { get; set; }
        [JsonPropertyName("generation_seconds")] public double GenerationSeconds { get; set; }
        [JsonPropertyName("finished_at")] public DateTimeOffset? FinishedAt { get; set; }

        /// <summary>The -S scoring options the scores were made with (absent: none); `xgen-eval judge` reuses them.</summary>
        [JsonPropertyName("scoring_options")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public SortedDictionary<string, string>? ScoringOptions { get; set; }

        /// <summary>The LLM judge of the latest scoring: model, version, failures, tokens, cost (absent: no judge).</summary>
        [JsonPropertyName("judge")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Benchmarks.Judge.Scoring.JudgeSummary? Judge { get; set; }
    }
}
