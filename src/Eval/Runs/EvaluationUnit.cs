using XGenEval.Benchmarks.Abstractions;
using XGenEval.Cli.FewShot;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;

namespace XGenEval.Cli.Runs;

/// <summary>One item's prompt and, for few-shot prompts, the demonstrations it carries.</summary>
/// <param name="Prompt">The prompt, or null when it could not be made (then <paramref name="Error"/> says why and
/// the item is journaled as failed).</param>
/// <param name="Demonstrations">Ids of the demonstration items in prompt order, or null for a plain prompt.</param>
/// <param name="DroppedDemonstrations">Demonstrations left out so that the prompt fits the model's context.</param>
public sealed record ItemPrompt(InterleavedPrompt? Prompt, IReadOnlyList<string>? Demonstrations = null, int DroppedDemonstrations = 0, string? Error = null);

/// <summary>
/// What one journal, one predictions table and one scores file hold: a benchmark split, or one trial of a
/// few-shot run (<see cref="FewShotTrial"/>). <see cref="Key"/> names the files and the manifest entry.
/// </summary>
public sealed record EvaluationUnit
{
    public required string Key { get; init; }
    public required IBenchmark Benchmark { get; init; }
    public required DatasetFiles Files { get; init; }
    public required IReadOnlyList<RunManifest.DatasetFile> FileRecords { get; init; }
    public required IReadOnlyList<Sample> Samples { get; init; }
    public required BenchmarkFingerprint Fingerprint { get; init; }

    /// <summary>Makes the prompts of the items about to run, once the model is loaded (few-shot prompts need it
    /// to measure their length and, for RICES, to embed images).</summary>
    public required Func<IModelRunner, IReadOnlyList<Sample>, CancellationToken, Func<Sample, ItemPrompt>> Prompts { get; init; }

    public FewShotTrial? Trial { get; init; }

    /// <summary>The trial's entry in the manifest (<c>few_shot</c> of its benchmark record).</summary>
    public RunManifest.FewShotTrialRecord? TrialRecord { get; init; }

    /// <summary>The plain prompts of <see cref="IBenchmark.BuildPrompt"/>.</summary>
    public static Func<IModelRunner, IReadOnlyList<Sample>, CancellationToken, Func<Sample, ItemPrompt>> PlainPrompts(IBenchmark benchmark, PromptProfile profile) =>
        (_, _, _) => sample => new ItemPrompt(benchmark.BuildPrompt(sample, profile));
}
