using System.Globalization;
using System.Text.Json.Serialization;

namespace XGenEval.Cli.Reports;

/// <summary>
/// One shot count of a benchmark in a few-shot run: its trials (one per seed, each an entry of the run's
/// <see cref="RunResult.Benchmarks"/> under its key) and, once every trial is scored, their mean and population
/// standard deviation. The mean is what the model cards report as "COCO 4-shot"; the standard deviation is the
/// spread across trials (across choices of demonstrations), not a confidence interval. An incomplete shot
/// count has no mean: a mean over the trials done so far would read as the result while it is not one.
/// </summary>
public sealed class FewShotResult
{
    [JsonPropertyName("benchmark")] public string Benchmark { get; set; } = "";
    [JsonPropertyName("split")] public string Split { get; set; } = "";
    [JsonPropertyName("shots")] public int Shots { get; set; }

    /// <summary>How the demonstrations were chosen: random, rices, or none (a plain zero-shot prompt).</summary>
    [JsonPropertyName("selection")] public string Selection { get; set; } = "";

    /// <summary>Zero-shot only: "two-text-only-demos" (OpenFlamingo's) or "plain".</summary>
    [JsonPropertyName("zero_shot")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ZeroShot { get; set; }

    /// <summary>The trials' primary metric; null until one is scored.</summary>
    [JsonPropertyName("metric")] public string? Metric { get; set; }

    /// <summary>Mean of the trials' scores; null unless every trial is scored.</summary>
    [JsonPropertyName("mean")] public double? Mean { get; set; }

    /// <summary>Population standard deviation of the trials' scores (divisor n); null unless every trial is scored.</summary>
    [JsonPropertyName("std")] public double? Std { get; set; }
    [JsonPropertyName("std_kind")] public string StdKind { get; set; } = "";

    [JsonPropertyName("complete_trials")] public int CompleteTrials { get; set; }

    /// <summary>Every planned trial, scored or not, in seed order as the run asked for them.</summary>
    [JsonPropertyName("trials")] public List<TrialScore> Trials { get; set; } = [];

    /// <summary>Every planned trial is scored (the mean is the shot count's result).</summary>
    [JsonPropertyName("complete")] public bool Complete => Trials.Count > 0 && CompleteTrials == Trials.Count;

    [JsonIgnore] public ShotSetting Setting => new(Shots, Selection == "rices");

    /// <summary>The demonstrations in words: "random", "RICES", "2 text-only, random", "none".</summary>
    [JsonIgnore]
    public string Demonstrations =>
        Selection == "none" ? "none"
        : (ZeroShot == FewShot.FewShotPlan.TextOnlyZeroShotName && Shots == 0 ? "2 text-only, " : "") + (Selection == "rices" ? "RICES" : Selection);
}

/// <summary>One trial of a shot count: its key in the run's benchmarks, its seed, its status and its headline.</summary>
public sealed class TrialScore
{
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("seed")] public int? Seed { get; set; }
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("score")] public double? Score { get; set; }
}

/// <summary>What sets few-shot columns apart: the shot count, and whether demonstrations were retrieved (RICES)
/// rather than drawn at random (the cards' protocol), since the two are different experiments.</summary>
public sealed record ShotSetting(int Shots, bool Rices)
{
    /// <summary>"4shot" or "4shot.rices", as in the trials' keys.</summary>
    public string Key => Shots.ToString(CultureInfo.InvariantCulture) + "shot" + (Rices ? ".rices" : "");

    /// <summary>"4-shot" or "4-shot RICES".</summary>
    public string Label => Shots.ToString(CultureInfo.InvariantCulture) + "-shot" + (Rices ? " RICES" : "");
}
