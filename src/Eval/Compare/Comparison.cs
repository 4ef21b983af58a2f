using System.Text.Json.Serialization;

namespace XGenEval.Cli.Compare;

/// <summary>What `compare` concluded about one benchmark.</summary>
public enum Verdict
{
    /// <summary>Same headline, no item changed.</summary>
    Unchanged,

    /// <summary>Moved, but not beyond the tolerance (or not significantly).</summary>
    WithinTolerance,

    Improved,
    Regressed,

    /// <summary>In the candidate only.</summary>
    New,

    /// <summary>Scored in the baseline but not in the candidate.</summary>
    Missing,

    /// <summary>Both have it but they cannot be compared (other split, other headline metric, or a headline
    /// that is not a number).</summary>
    Incomparable,
}

/// <summary>Which run a side of the comparison is.</summary>
public sealed record ComparedRun(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("harness_version")] string HarnessVersion);

/// <summary>An item whose score differs between the runs.</summary>
public sealed record ItemChange(
    [property: JsonPropertyName("index")] string Index,
    [property: JsonPropertyName("baseline")] double Baseline,
    [property: JsonPropertyName("candidate")] double Candidate,
    [property: JsonPropertyName("baseline_parsed")] string? BaselineParsed,
    [property: JsonPropertyName("candidate_parsed")] string? CandidateParsed);

public sealed class BenchmarkComparison
{
    [JsonPropertyName("benchmark")] public string Benchmark { get; set; } = "";
    [JsonPropertyName("split")] public string Split { get; set; } = "";
    [JsonPropertyName("metric")] public string Metric { get; set; } = "";
    [JsonPropertyName("baseline")] public double? Baseline { get; set; }
    [JsonPropertyName("candidate")] public double? Candidate { get; set; }
    [JsonPropertyName("delta")] public double? Delta { get; set; }

    /// <summary>Standard error of the difference, in the metric's units.</summary>
    [JsonPropertyName("se_delta")] public double? StandardErrorOfDelta { get; set; }

    /// <summary>mcnemar-exact, sign-flip, paired-bootstrap, z (two independent standard errors), for a few-shot
    /// shot count's mean paired-trials or trial-spread, or none.</summary>
    [JsonPropertyName("test")] public string Test { get; set; } = "none";
    [JsonPropertyName("p_value")] public double? PValue { get; set; }

    /// <summary>The smallest change that counts, in the metric's units (ABS, or 1.96 · SE(Δ) under auto).</summary>
    [JsonPropertyName("tolerance")] public double? Tolerance { get; set; }

    /// <summary>Items both runs scored (the paired items).</summary>
    [JsonPropertyName("paired_items")] public int PairedItems { get; set; }
    [JsonPropertyName("items_lost")] public int ItemsLost { get; set; }
    [JsonPropertyName("items_gained")] public int ItemsGained { get; set; }

    /// <summary>Paired items whose answer text differs (whatever their scores).</summary>
    [JsonPropertyName("predictions_changed")] public int PredictionsChanged { get; set; }

    [JsonPropertyName("verdict")]
    [JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
    public Verdict Verdict { get; set; }

    /// <summary>Whether this benchmark makes `compare` exit 1.</summary>
    [JsonPropertyName("fails")] public bool Fails { get; set; }
    [JsonPropertyName("notes")] public List<string> Notes { get; set; } = [];
    [JsonPropertyName("changed_items")] public List<ItemChange> ChangedItems { get; set; } = [];

    /// <summary>A few-shot trial, or a shot count's mean over its trials; absent for a plain benchmark.</summary>
    [JsonPropertyName("few_shot")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FewShotComparison? FewShot { get; set; }
}

/// <summary>What a few-shot row of a comparison stands for. A <c>mean</c> row compares a shot count's means over
/// trials (its <see cref="BenchmarkComparison.Benchmark"/> is the benchmark's name); a <c>trial</c> row compares one
/// trial of both runs (its benchmark is the trial's key, <c>coco.4shot.seed42</c>), the same demonstrations when the
/// runs used the same seeds.</summary>
public sealed class FewShotComparison
{
    /// <summary>mean or trial.</summary>
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("shots")] public int Shots { get; set; }
    [JsonPropertyName("rices")] public bool Rices { get; set; }

    [JsonPropertyName("seed")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Seed { get; set; }

    /// <summary>Mean rows: each run's population std across its trials, and its scored trials.</summary>
    [JsonPropertyName("baseline_std")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? BaselineStd { get; set; }

    [JsonPropertyName("candidate_std")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CandidateStd { get; set; }

    [JsonPropertyName("baseline_trials")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BaselineTrials { get; set; }

    [JsonPropertyName("candidate_trials")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? CandidateTrials { get; set; }

    /// <summary>Mean rows: trials that both runs scored with the same seed (the same demonstrations).</summary>
    [JsonPropertyName("paired_trials")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PairedTrials { get; set; }

    /// <summary>"coco 4-shot mean", "coco 4-shot RICES mean": how the row is named in Markdown.</summary>
    public static string Label(string benchmark, FewShotComparison fewShot) =>
        $"{benchmark} {new Reports.ShotSetting(fewShot.Shots, fewShot.Rices).Label} mean";
}

public sealed class ComparisonResult
{
    public const string SchemaV1 = "xgen-eval/compare-v1";

    [JsonPropertyName("schema")] public string Schema { get; set; } = SchemaV1;
    [JsonPropertyName("baseline")] public ComparedRun Baseline { get; set; } = new("", "", "", "");
    [JsonPropertyName("candidate")] public ComparedRun Candidate { get; set; } = new("", "", "", "");

    /// <summary>"auto" or the absolute tolerance as given.</summary>
    [JsonPropertyName("tolerance")] public string Tolerance { get; set; } = "auto";
    [JsonPropertyName("alpha")] public double Alpha { get; set; }
    [JsonPropertyName("passed")] public bool Passed { get; set; }
    [JsonPropertyName("benchmarks")] public List<BenchmarkComparison> Benchmarks { get; set; } = [];
}
