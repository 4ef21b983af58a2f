using System.Text.Json.Serialization;

namespace XGenEval.Cli.Reports;

/// <summary>
/// The JSON form of results (<c>xgen-eval report --format json</c>, <c>xgen-eval compare --write-baseline</c>):
/// runs with their benchmarks, headline numbers, uncertainty and, optionally, per-item scores. A committed
/// baseline is one of these files; <c>compare</c> reads it like a run directory. The schema is described
/// in docs/reports.md; readers accept any file whose <see cref="Schema"/> is <see cref="SchemaV1"/>.
/// </summary>
public sealed class ResultsDocument
{
    public const string SchemaV1 = "xgen-eval/results-v1";

    [JsonPropertyName("schema")] public string Schema { get; set; } = SchemaV1;
    [JsonPropertyName("generated_at")] public DateTimeOffset GeneratedAt { get; set; }
    [JsonPropertyName("generator")] public HarnessRecord Generator { get; set; } = new();
    [JsonPropertyName("statistics")] public StatisticsSettings Statistics { get; set; } = new();
    [JsonPropertyName("runs")] public List<RunResult> Runs { get; set; } = [];

    /// <summary>Published reference numbers shown beside the runs (reports only; ignored by compare).</summary>
    [JsonPropertyName("published")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PublishedRow>? Published { get; set; }
}

public sealed class HarnessRecord
{
    [JsonPropertyName("version")] public string Version { get; set; } = "";
    [JsonPropertyName("commit")] public string? Commit { get; set; }
}

/// <summary>How the uncertainty figures in a document were made.</summary>
public sealed class StatisticsSettings
{
    [JsonPropertyName("confidence")] public double Confidence { get; set; } = 0.95;
    [JsonPropertyName("bootstrap_resamples")] public int BootstrapResamples { get; set; } = 1000;
    [JsonPropertyName("seed")] public int Seed { get; set; }
}

/// <summary>A published number matched to a measured one, as written in a report's JSON.</summary>
public sealed class PublishedRow
{
    [JsonPropertyName("model")] public string Model { get; set; } = "";
    [JsonPropertyName("setting")] public string? Setting { get; set; }

    /// <summary>In-context examples of the published setting; its measured counterparts are the runs' columns with as many shots.</summary>
    [JsonPropertyName("shots")] public int Shots { get; set; }
    [JsonPropertyName("benchmark")] public string Benchmark { get; set; } = "";
    [JsonPropertyName("split")] public string Split { get; set; } = "";
    [JsonPropertyName("metric")] public string Metric { get; set; } = "";
    [JsonPropertyName("card_label")] public string CardLabel { get; set; } = "";
    [JsonPropertyName("value")] public double Value { get; set; }
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("source")] public string Source { get; set; } = "";

    /// <summary>Run ids (of the runs in this document) whose model this number belongs to, with their gap.</summary>
    [JsonPropertyName("measured")] public List<PublishedGap> Measured { get; set; } = [];
}

public sealed class PublishedGap
{
    [JsonPropertyName("run_id")] public string RunId { get; set; } = "";

    /// <summary>The measured value: the headline, or for a few-shot setting the mean over the shot count's trials.</summary>
    [JsonPropertyName("value")] public double Value { get; set; }

    /// <summary>Measured minus published, in the metric's units.</summary>
    [JsonPropertyName("gap")] public double Gap { get; set; }
}
