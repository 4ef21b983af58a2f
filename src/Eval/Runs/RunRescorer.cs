using XGenEval.Benchmarks;
using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Benchmarks.Judge.Providers;
using XGenEval.Core.Errors;

namespace XGenEval.Cli.Runs;

/// <summary>One benchmark re-scored by `xgen-eval judge`.</summary>
/// <param name="Key">The manifest entry: the benchmark, or a few-shot trial of it.</param>
public sealed record RescoredBenchmark(string Key, string Benchmark, string Split, int Items, ScoreReport Report, Benchmarks.Judge.Scoring.JudgeSummary? Judge);

/// <summary>
/// `xgen-eval judge`: scores a finished run's predictions again, without the model: reads each complete benchmark's
/// journals (checked against the fingerprint the manifest recorded) and its data files (checked against their recorded
/// SHA-256), scores with or without a judge, and rewrites the predictions table and the scores atomically; the
/// manifest records the scoring options and the judge (version, failures, tokens, cost).
/// </summary>
public sealed class RunRescorer(RunLog log)
{
    public IReadOnlyList<RescoredBenchmark> Rescore(string runPath, IReadOnlyCollection<string> only, ScoringOptions? scoring, JudgeSettings? judge,
        IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        var run = RunDirectory.Existing(RunDirectory.ResolveExisting(runPath));
        using var runLock = RunLock.Acquire(run.Path, ShardSpec.Whole);
        log.AttachFile(run.LogFile);
        var manifest = RunManifestStore.Read(run.Path);
        var unknown = only.Where(b => !manifest.Benchmarks.ContainsKey(b) && !manifest.Benchmarks.Values.Any(r => r.Benchmark == b)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"run {run.RunId} has no benchmark {string.Join(", ", unknown)} (it has: {string.Join(", ", manifest.Benchmarks.Keys)})");

        // The command is recorded (redacted) beside the runs' own invocations.
        var invocation = new RunManifest.Invocation { Argv = SecretRedactor.RedactArguments(argv), Shard = "judge", StartedAt = DateTimeOffset.Now };
        var done = new List<RescoredBenchmark>();
        string outcome = "failed";
        try
        {
            foreach (var (name, record) in manifest.Benchmarks)
            {
                if (only.Count > 0 && !only.Contains(name) && !(record.Benchmark is { } parent && only.Contains(parent))) continue;
                if (record.Status != "complete")
                {
                    log.Warn($"{name}: not scored yet ({record.Status}); finish it with `xgen-eval run` first");
                    continue;
                }
                cancellationToken.ThrowIfCancellationRequested();
                done.Add(RescoreOne(run, name, record, scoring, judge, cancellationToken));
            }
            // A re-scored few-shot trial changes its shot count's mean and std.
            foreach (string benchmark in done.Select(d => manifest.Benchmarks[d.Key].Benchmark).OfType<string>().Distinct())
                FewShot.FewShotResults.Update(run, benchmark, manifest.Benchmarks.Values.First(r => r.Benchmark == benchmark).Split,
                    FewShot.FewShotPlan.TrialsOf(manifest.Settings.FewShot, benchmark), log);
            outcome = "ok";
        }
        finally
        {
            invocation.EndedAt = DateTimeOffset.Now;
            invocation.Outcome = outcome;
            RunManifestStore.Update(run.Path, m => m.Invocations.Add(invocation));
        }
        return done;
    }

    RescoredBenchmark RescoreOne(RunDirectory run, string name, RunManifest.BenchmarkRecord record, ScoringOptions? scoring, JudgeSettings? judge,
        CancellationToken cancellationToken)
    {
        var benchmark = BenchmarkCatalog.Get(record.Benchmark ?? name);
        var split = benchmark.Info.Split(record.Split);
        foreach (var file in record.Files)
        {
            if (!File.Exists(file.Path)) throw new DataException($"{file.Path}: the data file of {name} in this run is gone; put it back to re-score");
            if (FileHashes.Sha256OfFile(file.Path) != file.Sha256)
                throw new DataException($"{file.Path}: changed since the run (SHA-256 differs from the manifest's); the predictions answer another file");
        }
        var samples = benchmark.LoadSamples(DataLocator.Explicit(split, [.. record.Files.Select(f => f.Path)])).ToList();
        if (record.Limit is int limit && samples.Count > limit) samples = samples.Take(limit).ToList();
        var fingerprint = new BenchmarkFingerprint
        {
            Benchmark = benchmark.Info.Name,
            Split = record.Split,
            PromptProfile = record.PromptProfile,
            DatasetSha256 = FileHashes.Sha256OfFiles(record.Files.Select(f => f.Sha256)),
            PromptTemplateSha256 = record.PromptTemplateSha256,
            Decoding = record.Decoding,
        };
        // A trial's demonstration settings are only in its journal's header: take them from there (the rest is
        // still checked against the manifest, and the predictions are what is scored).
        if (record.FewShot is not null)
            fingerprint = fingerprint with { FewShot = PredictionJournal.RecordedFingerprint(run.JournalDirectory, name)?.FewShot };
        var journal = PredictionJournal.ReadBenchmark(run.JournalDirectory, name, fingerprint);
        var missing = samples.Where(s => !journal.ContainsKey(s.Index)).Select(s => s.Index).ToList();
        if (missing.Count > 0) throw new DataException($"{run.JournalDirectory}: {name} has no prediction for {missing.Count} item(s) (first: {missing[0]})");
        int failed = samples.Count(s => journal[s.Index].Error is not null);

        var options = scoring ?? (record.ScoringOptions is { } recorded ? new ScoringOptions(recorded) : ScoringOptions.Default);
        log.Info($"{name} ({record.Split}): scoring {samples.Count} predictions" + (judge is null ? " with the rules only" : $" with judge {judge.Name}"));
        var report = RunJudging.Score(benchmark, RunOutputs.Predictions(samples, journal), options, failed, judge, run.JudgeCacheFile, log.Warn, cancellationToken, out var summary);
        RunOutputs.Write(run, name, samples, journal, report, log, fewShot: record.FewShot is not null);
        RunManifestStore.Update(run.Path, m =>
        {
            var r = m.Benchmarks[name];
            r.ScoringOptions = RunJudging.Record(options);
            r.Judge = summary;
            r.Overall = double.IsFinite(report.Overall) ? report.Overall : null;
            r.PrimaryMetric = report.PrimaryMetric;
            r.Aggregation = report.Aggregation.ToString().ToLowerInvariant();
            r.Reference = report.Reference;
        });
        if (summary is not null)
            log.Info($"{name}: judge {summary.Queries} queries, {summary.Failed + summary.Unusable} failed, {summary.Requests} requests, {summary.CachedReplies} cached replies" +
                     (summary.CostUsd is { } cost ? $", about ${cost:0.####}" : ""));
        return new RescoredBenchmark(name, benchmark.Info.Name, record.Split, samples.Count, report, summary);
    }
}
