using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Benchmarks.Datasets.Download;
using XGenEval.Benchmarks.FewShot;
using XGenEval.Cli.Runs;
using XGenEval.Core.Errors;
using XGenEval.Core.Models;

namespace XGenEval.Cli.FewShot;

/// <summary>
/// One benchmark's few-shot machinery for one command: its demonstration split (read once), the query set of
/// each seed, the RICES features, and the <see cref="EvaluationUnit"/> of each trial, whose prompts are
/// <see cref="FewShotPrompt"/>s of demonstrations chosen by <see cref="RandomDemonstrations"/> or
/// <see cref="RicesRanking"/>, cut to fit the model's context.
/// </summary>
public sealed class FewShotContext(FewShotPlan plan, IBenchmark benchmark, PromptProfile profile, DecodingOptions decoding, string? dataRoot, RunLog log)
{
    readonly IFewShotBenchmark fewShot = (IFewShotBenchmark)benchmark;
    readonly Dictionary<int, QuerySet> querySets = [];
    Demonstrations? demonstrations;
    RicesFeatureStore? features;

    sealed record Demonstrations(DatasetFiles Files, IReadOnlyList<RunManifest.DatasetFile> Records, string Sha256, IReadOnlyList<Sample> Samples);

    public EvaluationUnit Unit(FewShotTrial trial, EvaluationRunner.UnitData data, BenchmarkFingerprint plain)
    {
        string demoSplit = fewShot.DemonstrationSplit(data.Split.Name)!;
        string? demoSha = trial.Demonstrations > 0 ? Demos(demoSplit).Sha256 : null;
        var fingerprint = plain with
        {
            FewShot = $"key={trial.Key};shots={trial.Shots};demonstrations={trial.Demonstrations};text_only={trial.TextOnly};" +
                      $"seed={trial.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"};" +
                      $"selection={trial.Selection.ToString().ToLowerInvariant()};query_set_size={trial.QuerySetSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"};" +
                      $"demo_split={demoSplit};demo_sha256={demoSha ?? "none"};algorithm={FewShotRandom.Domain}",
        };
        string evaluationSha = plain.DatasetSha256;
        return new EvaluationUnit
        {
            Key = trial.Key,
            Benchmark = benchmark,
            Files = data.Files,
            FileRecords = data.FileRecords,
            Samples = data.Samples,
            Fingerprint = fingerprint,
            Trial = trial,
            TrialRecord = TrialRecord(trial, demoSplit),
            Prompts = (runner, todo, ct) => Prompts(trial, demoSplit, evaluationSha, runner, todo, ct),
        };
    }

    /// <summary>What the manifest records of a trial.</summary>
    RunManifest.FewShotTrialRecord TrialRecord(FewShotTrial trial, string demoSplit) => new()
    {
        Shots = trial.Shots,
        Demonstrations = trial.Demonstrations,
        TextOnly = trial.TextOnly,
        Seed = trial.Seed,
        Trial = trial.Trial,
        Selection = trial.Selection.ToString().ToLowerInvariant(),
        QuerySetSize = trial.QuerySetSize,
        DemonstrationSplit = trial.Demonstrations > 0 ? demoSplit : "",
        DemonstrationFiles = trial.Demonstrations > 0 ? Demos(demoSplit).Records.ToList() : [],
    };

    Func<Sample, ItemPrompt> Prompts(FewShotTrial trial, string demoSplit, string evaluationSha, IModelRunner runner, IReadOnlyList<Sample> todo, CancellationToken ct)
    {
        Func<Core.Prompts.InterleavedPrompt, int> count = runner is IPromptTokenCounter counter ? counter.CountPromptTokens : runner.EstimateCost;
        int? budget = runner.Info.ContextLength is int context ? context - decoding.MaxNewTokens : null;
        if (trial.Demonstrations == 0)
            return sample => new ItemPrompt(FewShotPrompt.Build(fewShot, sample, profile, [], textOnly: false), []);

        IReadOnlyList<Sample> pool = QuerySetFor(trial, demoSplit).Items;
        Func<Sample, int[]> choose;
        if (trial.Selection == DemoSelection.Random)
        {
            int seed = trial.Seed!.Value;
            choose = sample => RandomDemonstrations.Choose(seed, sample.Index, trial.Shots, trial.Demonstrations, pool.Count);
        }
        else
        {
            features ??= new RicesFeatureStore(FeatureCacheDirectory(), runner, log);
            var poolFeatures = features.For(pool, Demos(demoSplit).Sha256, "demonstration", ct);
            pool = pool.Where(s => poolFeatures.ContainsKey(s.Index)).ToList(); // unreadable images leave the pool
            var candidates = pool.Select(s => (s.Index, poolFeatures[s.Index])).ToList();
            var queries = features.For(todo, evaluationSha, "evaluation", ct);
            choose = sample => queries.TryGetValue(sample.Index, out var q)
                ? RicesRanking.Choose(q, candidates, trial.Demonstrations)
                : throw new DataException($"RICES: the image of item {sample.Index} could not be read, so no demonstrations can be chosen for it");
        }
        return sample =>
        {
            try
            {
                var demos = choose(sample).Select(p => pool[p]).ToList();
                var built = FewShotPrompt.BuildWithin(fewShot, sample, profile, demos, trial.TextOnly, count, budget);
                return new ItemPrompt(built.Prompt, built.Demonstrations, built.Dropped);
            }
            catch (DataException e)
            {
                return new ItemPrompt(null, Error: e.Message);
            }
        };
    }

    QuerySet QuerySetFor(FewShotTrial trial, string demoSplit)
    {
        int seed = trial.Seed ?? 0; // seed-free trials (RICES over the whole split) do not depend on it
        if (querySets.TryGetValue(seed, out var set)) return set;
        var all = Demos(demoSplit).Samples;
        set = QuerySet.Select(all, seed, trial.QuerySetSize);
        if (trial.QuerySetSize is int size && size > all.Count && querySets.Count == 0)
            log.Warn($"{benchmark.Info.Name}: --query-set-size {size} is larger than the {all.Count} items of {demoSplit}; the query set is all of them");
        return querySets[seed] = set;
    }

    Demonstrations Demos(string split)
    {
        if (demonstrations is not null) return demonstrations;
        var info = benchmark.Info;
        var demoSplit = info.Split(split);
        var files = plan.Options.DemoDataFiles.Count > 0
            ? DataLocator.Explicit(demoSplit, plan.Options.DemoDataFiles)
            : new DataLocator(dataRoot).Locate(info, demoSplit);
        var records = files.Paths.Select(p => new RunManifest.DatasetFile { Path = p, Bytes = new FileInfo(p).Length, Sha256 = FileHashes.Sha256OfFile(p) }).ToList();
        var samples = benchmark.LoadSamples(files).ToList();
        if (samples.Count == 0) throw new DataException($"{string.Join(", ", files.Paths)}: the demonstration split {split} has no items");
        log.Info($"{info.Name}: {samples.Count} demonstration items in {split}");
        return demonstrations = new Demonstrations(files, records, FileHashes.Sha256OfFiles(records.Select(r => r.Sha256)), samples);
    }

    string FeatureCacheDirectory() =>
        plan.Options.FeatureCacheDirectory ?? Path.Combine(DataRoots.ForDownloads(dataRoot), "cache", "rices");
}
