namespace XGenEval.Benchmarks.Abstractions;

/// <summary>
/// Switches that change how predictions are scored (not how they are made): for example
/// <c>tokenize=none</c> for captions or <c>variant=okvqa</c> for VQA. Each benchmark documents the keys it
/// reads and rejects the ones it does not know.
/// </summary>
public sealed class ScoringOptions
{
    public static readonly ScoringOptions Default = new(new Dictionary<string, string>());

    public ScoringOptions(IReadOnlyDictionary<string, string> values) => Values = values;

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The answer matcher that multiple-choice and yes/no scorers ask when their rules find no answer;
    /// null means rules only (VLMEvalKit's <c>exact_matching</c>).</summary>
    public IChoiceJudge? Judge { get; init; }

    /// <summary>The LLM judge for benchmarks that need one beyond choice matching (MathVista's answer extraction,
    /// MM-Vet's grading); null means no judge (`--judge none`).</summary>
    public ILlmJudge? LlmJudge { get; init; }

    /// <summary>These options with other judges (the values are shared).</summary>
    public ScoringOptions WithJudges(IChoiceJudge? choice, ILlmJudge? llm) => new(Values) { Judge = choice, LlmJudge = llm };

    public string Get(string key, string fallback) => Values.TryGetValue(key, out var v) ? v : fallback;

    /// <summary>Throws a usage error for any key outside <paramref name="known"/>.</summary>
    public void EnsureOnly(string benchmark, params string[] known)
    {
        foreach (var key in Values.Keys)
            if (!known.Contains(key))
                throw new Core.Errors.UsageException(
                    $"benchmark '{benchmark}' has no scoring option '{key}'" +
                    (known.Length > 0 ? $" (options: {string.Join(", ", known)})" : ""));
    }
}
