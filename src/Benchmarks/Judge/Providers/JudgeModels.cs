namespace XGenEval.Benchmarks.Judge.Providers;

/// <summary>What xgen-eval knows about judge model names.</summary>
public static class JudgeModels
{
    /// <summary>
    /// VLMEvalKit's judge aliases and the dated versions they stand for (<c>build_judge</c>'s <c>model_map</c>,
    /// <c>vlmeval/dataset/utils/judge_util.py</c> at e8e78f05), so that <c>--judge gpt-4o-mini</c> is recorded and
    /// cached as the version VLMEvalKit would ask for. Other names are taken as they are.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> VlmEvalKitAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["gpt-4-turbo"] = "gpt-4-1106-preview",
        ["gpt-4-0613"] = "gpt-4-0613",
        ["gpt-4-0125"] = "gpt-4-0125-preview",
        ["gpt-4-0409"] = "gpt-4-turbo-2024-04-09",
        ["chatgpt-1106"] = "gpt-3.5-turbo-1106",
        ["chatgpt-0125"] = "gpt-3.5-turbo-0125",
        ["gpt-4o"] = "gpt-4o-2024-05-13",
        ["gpt-4o-0806"] = "gpt-4o-2024-08-06",
        ["gpt-4o-1120"] = "gpt-4o-2024-11-20",
        ["gpt-4o-mini"] = "gpt-4o-mini-2024-07-18",
    };

    /// <summary>The model name sent to an OpenAI-compatible endpoint: the alias's version, else the name.</summary>
    public static string Resolve(string model) => VlmEvalKitAliases.TryGetValue(model, out var version) ? version : model;

    /// <summary>OpenAI's reasoning models take <c>max_completion_tokens</c> and no temperature (VLMEvalKit's
    /// <c>is_max_completion_tokens</c> test: o1, o3, o4 or gpt-5 in the name).</summary>
    public static bool IsReasoning(string model) =>
        new[] { "o1", "o3", "o4", "gpt-5" }.Any(m => model.Contains(m, StringComparison.Ordinal));
}
