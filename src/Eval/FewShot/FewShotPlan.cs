using XGenEval.Benchmarks.Abstractions;
using XGenEval.Cli.Runs;
using XGenEval.Core.Errors;
using XGenEval.Core.Models;

namespace XGenEval.Cli.FewShot;

/// <summary>
/// A few-shot request checked against the model and the benchmarks: whether zero-shot uses two text-only
/// demonstrations (by default for base models, OpenFlamingo's protocol), the trials per benchmark, and the
/// description that goes into the run key and the manifest.
/// </summary>
public sealed class FewShotPlan(FewShotOptions options, PromptProfile profile)
{
    /// <summary>The manifest's word for OpenFlamingo's zero-shot with two text-only demonstrations.</summary>
    public const string TextOnlyZeroShotName = "two-text-only-demos";

    public FewShotOptions Options { get; } = options;

    public bool TextOnlyZeroShot { get; } = options.TextOnlyZeroShot ?? profile == PromptProfile.Base;

    public string Description => Options.Describe(TextOnlyZeroShot);

    public IReadOnlyList<FewShotTrial> Trials(string benchmark) => FewShotTrial.Plan(benchmark, Options, TextOnlyZeroShot);

    /// <summary>The trials a run planned for <paramref name="benchmark"/>, planned again from what its manifest
    /// recorded (<see cref="Record"/>), so that trials which never started are counted; empty when the record
    /// cannot be read.</summary>
    public static IReadOnlyList<FewShotTrial> TrialsOf(RunManifest.FewShotSettingsRecord? settings, string benchmark)
    {
        if (settings is null || !Enum.TryParse<DemoSelection>(settings.Selection, ignoreCase: true, out var selection)) return [];
        var options = new FewShotOptions { Shots = settings.Shots, Seeds = settings.Seeds, Selection = selection, QuerySetSize = settings.QuerySetSize };
        return FewShotTrial.Plan(benchmark, options, settings.ZeroShot == TextOnlyZeroShotName);
    }

    public void Validate(IReadOnlyList<(IBenchmark Benchmark, string Split)> benchmarks)
    {
        if (Options.Shots.Count == 0) throw new UsageException("--shots needs at least one shot count");
        if (Options.Shots.Any(s => s < 0)) throw new UsageException("--shots takes counts of 0 or more");
        if (Options.Shots.Distinct().Count() != Options.Shots.Count) throw new UsageException("--shots lists a shot count twice");
        if (Options.Seeds.Count == 0) throw new UsageException("the few-shot trials need at least one seed");
        if (Options.Seeds.Distinct().Count() != Options.Seeds.Count) throw new UsageException("--seeds lists a seed twice; trials with one seed are the same trial");
        if (Options.QuerySetSize is < 1) throw new UsageException("--query-set-size must be at least 1 (or 'all')");
        if (Options.DemoDataFiles.Count > 0 && benchmarks.Count != 1)
            throw new UsageException("--demo-data names the demonstration files of one benchmark; give exactly one benchmark with it");
        foreach (var (benchmark, split) in benchmarks)
        {
            if (benchmark is not IFewShotBenchmark fewShot)
                throw new UsageException($"{benchmark.Info.Name} has no few-shot prompts; --shots works with the caption and VQA benchmarks");
            string? demoSplit = fewShot.DemonstrationSplit(split);
            if (demoSplit is null)
                throw new UsageException($"{benchmark.Info.Name} ({split}) has no demonstration split to draw few-shot examples from");
            if (demoSplit == split)
                throw new UsageException($"{benchmark.Info.Name} ({split}) would draw its demonstrations from the split it is evaluated on");
        }
    }

    public RunManifest.FewShotSettingsRecord Record() => new()
    {
        Shots = Options.Shots.ToList(),
        Seeds = Options.Seeds.ToList(),
        Selection = Options.Selection.ToString().ToLowerInvariant(),
        QuerySetSize = Options.QuerySetSize,
        ZeroShot = TextOnlyZeroShot ? TextOnlyZeroShotName : "plain",
        Algorithm = Benchmarks.FewShot.FewShotRandom.Domain,
        Description = Description,
    };
}
