using System.Globalization;

namespace XGenEval.Cli.Reports.Rendering;

/// <summary>How numbers read in reports: two decimals, one from 100 up (MME points, CIDEr), as the cards print them.</summary>
public static class NumberText
{
    public static string Value(double? value) => value switch
    {
        null => "",
        double v when !double.IsFinite(v) => "n/a",
        double v => v.ToString(Math.Abs(v) >= 100 ? "0.0" : "0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>A signed difference with a real minus sign: "+1.20", "−0.35".</summary>
    public static string Signed(double value) =>
        (value > 0 ? "+" : value < 0 ? "\u2212" : "±") + Value(Math.Abs(value));

    /// <summary>Half the width of the 95 % interval: "± 1.30".</summary>
    public static string HalfWidth(Uncertainty? u) =>
        u is { Low: double lo, High: double hi } ? "± " + Value((hi - lo) / 2) : "";

    /// <summary>The spread of a few-shot mean: "± 0.53 std (3 trials)". The word std sets it apart from a 95 %
    /// interval's "± h": it is the population standard deviation across trials, not a confidence interval.</summary>
    public static string TrialSpread(FewShotResult result) =>
        result.Std is double std ? $"± {Value(std)} std ({TrialCount(result.CompleteTrials)})" : "";

    /// <summary>"1 trial", "3 trials".</summary>
    public static string TrialCount(int trials) => trials.ToString(CultureInfo.InvariantCulture) + (trials == 1 ? " trial" : " trials");

    public static string Interval(Uncertainty? u) =>
        u is { Low: double lo, High: double hi } ? $"[{Value(lo)}, {Value(hi)}]" : "";

    /// <summary>Round-trip text for machine-readable outputs (CSV).</summary>
    public static string Exact(double? value) => value is double v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    public static string Date(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    /// <summary>What the uncertainty method was, in a few words: "binomial, 900 items", "bootstrap ×1000 over 250 groups".</summary>
    public static string Method(Uncertainty? u) => u switch
    {
        null => "",
        { Method: "none" } => "none" + (u.Note is null ? "" : $": {u.Note}"),
        { Method: "bootstrap" } => $"bootstrap ×{u.Resamples} over {u.N} {u.Units}",
        _ => $"{u.Method}, {u.N} {u.Units}",
    };
}
