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

    /// <summary>Few-shot runs: per benchmark, per shot count, the trials' scores with their mean and standard
    /// deviation (the trials themselves are entries of <see cref="Benchmarks"/>).</summary>
    [JsonPropertyName("few_shot_results")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SortedDictionary<string, FewShotResultRecord>? FewShotResults { get; set; }

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

        /// <summary>The few-shot protocol of the run (absent for plain runs).</summary>
        [JsonPropertyName("few_shot")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public FewShotSettingsRecord? FewShot { get; set; }
    }

    public sealed class FewShotSettingsRecord
    {
        [JsonPropertyName("shots")] public List<int> Shots { get; set; } = [];
        [JsonPropertyName("seeds")] public List<int> Seeds { get; set; } = [];
        [JsonPropertyName("selection")] public string Selection { get; set; } = "";

        /// <summary>Null: the whole demonstration split.</summary>
        [JsonPropertyName("query_set_size")] public int? QuerySetSize { get; set; }

        /// <summary>"two-text-only-demos" (OpenFlamingo's zero-shot) or "plain".</summary>
        [JsonPropertyName("zero_shot")] public string ZeroShot { get; set; } = "";

        /// <summary>The demonstration-choice algorithm (docs/few-shot.md).</summary>
        [JsonPropertyName("algorithm")] public string Algorithm { get; set; } = "";
        [JsonPropertyName("description")] public string Description { get; set; } = "";
    }

    /// <summary>One few-shot trial's settings and demonstration bookkeeping.</summary>
    public sealed class FewShotTrialRecord
    {
        [JsonPropertyName("shots")] public int Shots { get; set; }

        /// <summary>Demonstrations per prompt before any is dropped (2 for OpenFlamingo's text-only zero-shot).</summary>
        [JsonPropertyName("demonstrations")] public int Demonstrations { get; set; }
        [JsonPropertyName("text_only")] public bool TextOnly { get; set; }
        [JsonPropertyName("seed")] public int? Seed { get; set; }
        [JsonPropertyName("trial")] public int Trial { get; set; }
        [JsonPropertyName("selection")] public string Selection { get; set; } = "";
        [JsonPropertyName("query_set_size")] public int? QuerySetSize { get; set; }
        [JsonPropertyName("demonstration_split")] public string DemonstrationSplit { get; set; } = "";
        [JsonPropertyName("demonstration_files")] public List<DatasetFile> DemonstrationFiles { get; set; } = [];

        /// <summary>Items whose prompt lost demonstrations to fit the model's context, and how many were lost in all.</summary>
        [JsonPropertyName("truncated_items")] public int TruncatedItems { get; set; }
        [JsonPropertyName("dropped_demonstrations")] public int DroppedDemonstrations { get; set; }
    }

    /// <summary>A benchmark's few-shot results, one entry per shot count in the order asked.</summary>
    public sealed class FewShotResultRecord
    {
        [JsonPropertyName("split")] public string Split { get; set; } = "";
        [JsonPropertyName("metric")] public string? Metric { get; set; }
        [JsonPropertyName("std_kind")] public string StdKind { get; set; } = "";
        [JsonPropertyName("shots")] public List<ShotResultRecord> Shots { get; set; } = [];
    }

    public sealed class ShotResultRecord
    {
        [JsonPropertyName("shots")] public int Shots { get; set; }
        [JsonPropertyName("mean")] public double? Mean { get; set; }
        [JsonPropertyName("std")] public double? Std { get; set; }

        /// <summary>Trials scored so far, of <see cref="Trials"/>' count.</summary>
        [JsonPropertyName("complete_trials")] public int CompleteTrials { get; set; }
        [JsonPropertyName("trials")] public List<TrialScoreRecord> Trials { get; set; } = [];

        /// <summary>The per-shot-count scores file, once every trial is scored.</summary>
        [JsonPropertyName("scores")] public string? Scores { get; set; }
    }

    public sealed class TrialScoreRecord
    {
        [JsonPropertyName("key")] public string Key { get; set; } = "";
        [JsonPropertyName("seed")] public int? Seed { get; set; }
        [JsonPropertyName("status")] public string Status { get; set; } = "";
        [JsonPropertyName("score")] public double? Score { get; set; }
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
        /// <summary>The benchmark a few-shot trial belongs to (its entry's key names the trial); absent otherwise.</summary>
        [JsonPropertyName("benchmark")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Benchmark { get; set; }

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

        [JsonPropertyName("few_shot")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public FewShotTrialRecord? FewShot { get; set; }
    }
}
