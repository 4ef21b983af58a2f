using XGenEval.Benchmarks.Abstractions;

namespace XGenEval.Benchmarks.Judge.Engine;

/// <summary>
/// The judge as one scoring pass of one benchmark and repeat sees it: <see cref="Ask"/> answers from what the engine
/// knows and notes what is still <see cref="JudgeOutcome.Pending"/>; the last verdict per (purpose, item) is kept
/// for the report and the agreement statistics.
/// </summary>
public sealed class JudgeView(JudgeEngine engine, string benchmark, int repeat) : ILlmJudge
{
    readonly List<JudgeQuery> pending = [];
    readonly Dictionary<(string Purpose, string Item), (JudgeVerdict Verdict, JudgeScale Scale)> verdicts = [];

    public string Name => engine.Settings.Name;

    public int Repeat => repeat;

    public IReadOnlyList<JudgeQuery> Pending => pending;

    public IReadOnlyDictionary<(string Purpose, string Item), (JudgeVerdict Verdict, JudgeScale Scale)> Verdicts => verdicts;

    public JudgeVerdict Ask(JudgeQuery query)
    {
        if (query.Attempts.Count == 0) throw new ArgumentException("a judge query needs at least one attempt", nameof(query));
        var verdict = engine.Evaluate(benchmark, repeat, query);
        if (verdict.Outcome == JudgeOutcome.Pending) pending.Add(query);
        verdicts[(query.Purpose, query.Item)] = (verdict, query.Scale);
        return verdict;
    }
}
