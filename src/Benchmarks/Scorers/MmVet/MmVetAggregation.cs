using XGenEval.Benchmarks.Abstractions;

namespace XGenEval.Benchmarks.Scorers.MmVet;

/// <summary>One graded MM-Vet item: its capabilities (the TSV's comma-separated <c>category</c>, e.g. "ocr,math")
/// and its grade in [0, 1].</summary>
public sealed record MmVetGrade(string Index, string Category, double Grade)
{
    public IReadOnlyList<string> Capabilities => [.. Category.Split(',').Select(c => c.Trim())];
}

/// <summary>Per-capability and per-combination scores (x100) of one grading run.</summary>
public sealed record MmVetScores(double Total, IReadOnlyList<(string Capability, int Count, double Score)> Capabilities,
    IReadOnlyList<(string Combination, int Count, double Score)> Combinations);

/// <summary>
/// MM-Vet's aggregation of one run. Official (<c>export_result</c>): a capability's score is 100 x the sum of the
/// grades of the items that have it over their count, capabilities ordered by count (most first; ties in order of
/// appearance, as <c>Counter.most_common</c>); the capability integrations likewise per set of capabilities (named
/// with the capabilities in the TSV's order joined by "_"; the evaluator joins a Python set, whose order varies).
/// VLMEvalKit (<c>MMVet_acc</c>): the capabilities rec, ocr, know, gen, spat, math in that order, an item counting for
/// each whose name is a substring of its category; the combinations in order of appearance. Several runs
/// (<c>--judge-repeats</c>, the evaluator's <c>num_run</c>) are averaged by the caller.
/// </summary>
public static class MmVetAggregation
{
    static readonly string[] VlmEvalKitCapabilities = ["rec", "ocr", "know", "gen", "spat", "math"];

    public static MmVetScores Aggregate(IReadOnlyList<MmVetGrade> grades, MmVetRules rules)
    {
        double total = Score("total", grades).Item3;
        List<(string, int, double)> capabilities;
        if (rules == MmVetRules.Official)
        {
            capabilities = grades.SelectMany(g => g.Capabilities.Distinct())
                .Select((c, order) => (c, order)).GroupBy(x => x.c)
                .Select(g => (Name: g.Key, Count: g.Count(), First: g.Min(x => x.order)))
                .OrderByDescending(x => x.Count).ThenBy(x => x.First)
                .Select(x => Score(x.Name, grades.Where(g => g.Capabilities.Contains(x.Name)).ToList()))
                .ToList();
        }
        else
        {
            capabilities = VlmEvalKitCapabilities
                .Select(c => Score(c, grades.Where(g => g.Category.Contains(c, StringComparison.Ordinal)).ToList()))
                .ToList();
        }
        var combinations = grades.Select((g, order) => (Name: g.Category.Replace(',', '_'), order)).GroupBy(x => x.Name)
            .Select(g => (g.Key, Count: g.Count(), First: g.Min(x => x.order)))
            .OrderBy(x => rules == MmVetRules.Official ? -x.Count : 0).ThenBy(x => x.First)
            .Select(x => Score(x.Key, grades.Where(g => g.Category.Replace(',', '_') == x.Key).ToList()))
            .ToList();
        return new MmVetScores(total, capabilities, combinations);
    }

    /// <summary>100 x sum / count, summed in item order as the references do (NaN for a capability no item has:
    /// VLMEvalKit divides by zero there).</summary>
    static (string, int, double) Score(string name, IReadOnlyList<MmVetGrade> items)
    {
        double sum = 0;
        foreach (var g in items) sum += g.Grade;
        return (name, items.Count, items.Count == 0 ? double.NaN : sum / items.Count * 100);
    }

    public static IReadOnlyList<MetricTable> Tables(MmVetScores scores) =>
    [
        new MetricTable("capabilities", ["capability", "score", "items"],
            [.. scores.Capabilities.Select(c => (IReadOnlyList<object?>)[c.Capability, c.Score, c.Count])]),
        new MetricTable("capability_integration", ["capabilities", "score", "items"],
            [.. scores.Combinations.Select(c => (IReadOnlyList<object?>)[c.Combination, c.Score, c.Count])]),
    ];
}
