using XGenEval.Benchmarks.Abstractions;
using XGenEval.Cli.Runs;

namespace XGenEval.Cli.Tests.Reports;

/// <summary>
/// A few-shot run of xGen-MM v1.5 base on COCO (karpathy-test, so the card's numbers can match), written as a real
/// run writes one: every trial an entry of the manifest under its key with its <c>benchmark</c> and <c>few_shot</c>
/// records, its scores file and predictions table, and the run's few-shot settings.
/// <list type="bullet">
/// <item>0 and 4 shots: three trials each (seeds 1, 2, 3), all scored, each with its own item scores;</item>
/// <item>8 shots: seed 1 scored, seed 2 still running, seed 3 never started (absent from the manifest).</item>
/// </list>
/// Trial scores are the mean of 20 per-item CIDEr values times 100, different for every trial, so that a wrong
/// mean, a sample instead of a population std, or a trial in the wrong shot count shows.
/// </summary>
public static class FewShotScenario
{
    public const string Model = "Salesforce/xgen-mm-phi3-mini-base-r-v1.5";
    public const string Split = "karpathy-test";
    public static readonly int[] Seeds = [1, 2, 3];
    public static readonly int[] Shots = [0, 4, 8];

    /// <param name="selection">"random" (the cards' protocol) or "rices": keys then read <c>coco.4shot.rices.seed1</c>.</param>
    /// <param name="level">Moves item scores (item i by level · (i mod 5) / 2, so level on average), to make a better or
    /// worse run of the same protocol.</param>
    public static string Write(string workDirectory, string runId = "T20250310-080000", string selection = "random", double level = 0,
        string modelId = Model, int[]? seeds = null)
    {
        seeds ??= Seeds;
        var trials = new List<(FixtureBenchmark Benchmark, int Shots, int Seed, int Trial)>();
        foreach (int shots in Shots)
            for (int t = 0; t < seeds.Length; t++)
            {
                if (shots == 8 && t == 2) continue; // never started
                var benchmark = Trial(Key(shots, seeds[t], selection), shots, seeds[t], level);
                if (shots == 8 && t == 1) benchmark = benchmark with { Status = "running" };
                trials.Add((benchmark, shots, seeds[t], t));
            }
        string run = RunFixtures.WriteRun(workDirectory, modelId, runId, [.. trials.Select(t => t.Benchmark)]);
        RunManifestStore.Update(run, m =>
        {
            m.Model.PromptProfile = "Base";
            m.Settings.FewShot = new RunManifest.FewShotSettingsRecord
            {
                Shots = [.. Shots], Seeds = [.. seeds], Selection = selection, QuerySetSize = 2048, ZeroShot = "two-text-only-demos",
            };
            foreach (var (benchmark, shots, seed, trial) in trials)
            {
                var record = m.Benchmarks[benchmark.Name];
                record.Benchmark = "coco";
                record.FewShot = new RunManifest.FewShotTrialRecord
                {
                    Shots = shots, Demonstrations = shots > 0 ? shots : 2, TextOnly = shots == 0, Seed = seed, Trial = trial,
                    Selection = selection, QuerySetSize = 2048, DemonstrationSplit = "karpathy-train",
                };
            }
        });
        return run;
    }

    /// <summary>The trial's key as a run names it (docs/few-shot.md).</summary>
    public static string Key(int shots, int seed, string selection = "random") =>
        $"coco.{shots}shot{(selection == "rices" ? ".rices" : "")}.seed{seed}";

    /// <summary>20 items whose CIDEr rises with the shot count and varies with the seed.</summary>
    static FixtureBenchmark Trial(string key, int shots, int seed, double level)
    {
        var items = Enumerable.Range(0, 20)
            .Select(i => new FixtureItem($"img{i}", Math.Round(0.6 + 0.05 * shots + 0.01 * ((i * 7 + seed * seed * 5) % 13) + level * (i % 5) / 2, 6), $"caption {i}"))
            .ToList();
        return new FixtureBenchmark(key, Split, "CIDEr", Aggregation.Corpus, 100 * items.Average(i => i.Score), items,
            new Dictionary<string, double> { ["BLEU_4"] = 30 + shots + seed });
    }
}
