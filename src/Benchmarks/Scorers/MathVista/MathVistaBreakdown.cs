using XGenEval.Benchmarks.Abstractions;

namespace XGenEval.Benchmarks.Scorers.MathVista;

/// <summary>One scored problem with the values it is broken down by (a key may have several values: skills).</summary>
public sealed record MathVistaHit(bool Correct, IReadOnlyDictionary<string, IReadOnlyList<string>> Keys, bool Prefetched = false);

/// <summary>The breakdown tables of both references.</summary>
public static class MathVistaBreakdown
{
    /// <summary>The keys <c>calculate_score.py</c> breaks accuracy down by (<c>target_keys</c>).</summary>
    public static readonly string[] OfficialKeys = ["question_type", "answer_type", "language", "source", "category", "task", "context", "grade", "skills"];

    /// <summary>
    /// Official: for each key the dataset has, one row per value (accuracy %, correct, total), sorted by accuracy, best
    /// first, ties in order of first appearance (Python's stable sort; the script lists skills from a set, whose order
    /// varies).
    /// </summary>
    public static IReadOnlyList<MetricTable> Official(IReadOnlyList<MathVistaHit> hits)
    {
        var tables = new List<MetricTable>();
        foreach (string key in OfficialKeys)
        {
            if (!hits.Any(h => h.Keys.ContainsKey(key))) continue;
            var values = hits.SelectMany(h => h.Keys.TryGetValue(key, out var v) ? v : []).Distinct().ToList();
            var rows = values.Select(value =>
            {
                var members = hits.Where(h => h.Keys.TryGetValue(key, out var v) && v.Contains(value)).ToList();
                int correct = members.Count(h => h.Correct);
                return (Value: value, Accuracy: (double)correct / members.Count * 100, Correct: correct, Total: members.Count);
            }).OrderByDescending(r => r.Accuracy).ToList(); // OrderBy is stable: ties keep appearance order
            tables.Add(new MetricTable(key, [key, "accuracy", "correct", "total"],
                [.. rows.Select(r => (IReadOnlyList<object?>)[r.Value, r.Accuracy, r.Correct, r.Total])]));
        }
        return tables;
    }

    /// <summary>
    /// VLMEvalKit's <c>MathVista_acc</c>: one "Task&amp;Skill" table with Overall, then each skill and task in the order
    /// they are first counted (per problem: its skills, then its task); tot, prefetch, hit, prefetch rate and accuracy (%).
    /// </summary>
    public static MetricTable VlmEvalKit(IReadOnlyList<MathVistaHit> hits)
    {
        var order = new List<string> { "Overall" };
        var members = new Dictionary<string, List<MathVistaHit>> { ["Overall"] = [.. hits] };
        foreach (var h in hits)
        {
            var names = (h.Keys.TryGetValue("skills", out var s) ? s : []).Concat(h.Keys.TryGetValue("task", out var t) ? t : []);
            foreach (string name in names)
            {
                if (!members.TryGetValue(name, out var list)) { members[name] = list = []; order.Add(name); }
                list.Add(h);
            }
        }
        var rows = order.Select(name =>
        {
            var m = members[name];
            int prefetch = m.Count(h => h.Prefetched), hit = m.Count(h => h.Correct);
            return (IReadOnlyList<object?>)[name, m.Count, prefetch, hit, (double)prefetch / m.Count * 100, (double)hit / m.Count * 100];
        }).ToList();
        return new MetricTable("task&skill", ["task&skill", "tot", "prefetch", "hit", "prefetch_rate", "acc"], rows);
    }
}
