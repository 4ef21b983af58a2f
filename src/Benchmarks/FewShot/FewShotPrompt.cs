using XGenEval.Benchmarks.Abstractions;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;

namespace XGenEval.Benchmarks.FewShot;

/// <summary>One item's few-shot prompt: the demonstrations it kept and how many were dropped to fit the context.</summary>
public sealed record FewShotItemPrompt(InterleavedPrompt Prompt, IReadOnlyList<string> Demonstrations, int Dropped);

/// <summary>
/// Assembles few-shot prompts through <see cref="IFewShotBenchmark"/>: the demonstrations in order, then the
/// query. Text-only demonstrations (OpenFlamingo's zero-shot: "0-shot OF evaluations use two text-only shots")
/// are the same segments without their images, as OpenFlamingo removes <c>&lt;image&gt;</c> from the context
/// text and passes no context images; chunk ends and separators stay. When a prompt would not leave room for
/// the generation in the model's context, the earliest demonstration is dropped, then the next, until it fits
/// (with RICES the earliest is the least similar); OpenFlamingo's tokenizer instead truncates at 2000 tokens
/// from the right, which would cut the query itself.
/// </summary>
public static class FewShotPrompt
{
    public static InterleavedPrompt Build(IFewShotBenchmark benchmark, Sample query, PromptProfile profile, IReadOnlyList<Sample> demonstrations, bool textOnly)
    {
        if (!textOnly || demonstrations.Count == 0) return benchmark.BuildPrompt(query, profile, demonstrations);
        var plain = benchmark.BuildPrompt(query, profile);
        var segments = demonstrations
            .SelectMany(d => benchmark.FormatDemonstration(d, profile))
            .Where(s => s is not ImageSegment)
            .Concat(plain.Segments);
        return new InterleavedPrompt(segments, plain.Raw);
    }

    /// <param name="countTokens">The prompt's length in the model's tokens, vision tokens included.</param>
    /// <param name="budget">The most prompt tokens allowed (context length minus max new tokens), or null for no limit.</param>
    public static FewShotItemPrompt BuildWithin(IFewShotBenchmark benchmark, Sample query, PromptProfile profile,
        IReadOnlyList<Sample> demonstrations, bool textOnly, Func<InterleavedPrompt, int> countTokens, int? budget)
    {
        int dropped = 0;
        while (true)
        {
            var kept = demonstrations.Skip(dropped).ToList();
            var prompt = Build(benchmark, query, profile, kept, textOnly);
            if (budget is not int limit || kept.Count == 0 || countTokens(prompt) <= limit)
                return new FewShotItemPrompt(prompt, kept.Select(d => d.Index).ToList(), dropped);
            dropped++;
        }
    }
}
