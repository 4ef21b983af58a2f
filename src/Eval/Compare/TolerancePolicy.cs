using System.Globalization;
using XGenEval.Core.Errors;

namespace XGenEval.Cli.Compare;

/// <summary>
/// How far a benchmark may move before `compare` calls it a change: <c>auto</c> (the default: a paired test
/// at level α, or 1.96 standard errors of the difference), or an absolute number in the metric's units,
/// for every benchmark or per benchmark (<c>--tolerance 0.5 --tolerance mme=20</c>).
/// </summary>
public sealed class TolerancePolicy
{
    readonly Dictionary<string, double> perBenchmark = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The absolute tolerance for every benchmark without its own; null: auto.</summary>
    public double? Global { get; private set; }

    public static TolerancePolicy Auto { get; } = new();

    public static TolerancePolicy Parse(IEnumerable<string> values)
    {
        var policy = new TolerancePolicy();
        foreach (string value in values)
        {
            int eq = value.IndexOf('=');
            string number = eq < 0 ? value : value[(eq + 1)..];
            if (eq < 0 && value.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase)) continue;
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double abs) || abs < 0 || !double.IsFinite(abs))
                throw new UsageException($"--tolerance takes auto, a number >= 0, or BENCH=NUMBER, not '{value}'");
            if (eq < 0) policy.Global = abs;
            else policy.perBenchmark[value[..eq].Trim()] = abs;
        }
        return policy;
    }

    /// <summary>The absolute tolerance for a benchmark, or null when it is judged automatically.</summary>
    public double? For(string benchmark) => For([benchmark]);

    /// <summary>The tolerance of the first of <paramref name="names"/> given one, else the global one: a few-shot
    /// trial <c>coco.4shot.seed42</c> takes <c>coco.4shot.seed42=</c>, else <c>coco.4shot=</c>, else <c>coco=</c>.</summary>
    public double? For(IEnumerable<string> names)
    {
        foreach (string name in names)
            if (perBenchmark.TryGetValue(name, out double t)) return t;
        return Global;
    }

    public override string ToString() =>
        perBenchmark.Count == 0 && Global is null ? "auto"
            : string.Join(", ", new[] { Global is double g ? g.ToString("R", CultureInfo.InvariantCulture) : "auto" }
                .Concat(perBenchmark.Select(kv => $"{kv.Key}={kv.Value.ToString("R", CultureInfo.InvariantCulture)}")));
}
