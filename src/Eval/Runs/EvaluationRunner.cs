using System.Diagnostics;
using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Core.Errors;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;

namespace XGenEval.Cli.Runs;

/// <summary>The state of one benchmark at the end of a command.</summary>
public sealed record BenchmarkOutcome(string Benchmark, string Split, string Status, int Items, int Completed, int Failed, ScoreReport? Report);

/// <summary>What a run command did.</summary>
/// <param name="FewShot">Per few-shot benchmark its results by shot count (empty for a plain run).</param>
public sealed record RunOutcome(RunDirectory Run, IReadOnlyList<BenchmarkOutcome> Benchmarks, bool Interrupted,
    IReadOnlyList<(string Benchmark, RunManifest.FewShotResultRecord Results)>? FewShot = null);

/// <summary>
/// Runs benchmarks against a model into a run directory: finds or creates the run, skips what its journals
/// already hold, generates the rest in length-sorted batches (journaled and fsynced per batch), and scores a
/// benchmark once every item of every shard is journaled. The model is loaded only if there is work.
/// A few-shot run (<see cref="RunRequest.FewShot"/>) does the same for every (shot count, trial) of every
/// benchmark, each its own <see cref="EvaluationUnit"/>, then summarises the trials (<see cref="FewShot.FewShotResults"/>).
/// </summary>
public sealed class EvaluationRunner(IModelLoader loader, RunLog log, TextWriter progressOutput, bool progressIsTerminal)
{
    public RunOutcome Run(RunRequest request, CancellationToken cancellationToken)
    {
        if (request.BatchSize < 1) throw new UsageException("--batch-size must be at least 1");
        if (request.Limit is < 1) throw new UsageException("--limit must be at least 1");
        if (request.DataFiles.Count > 0 && request.Benchmarks.Count != 1)
            throw new UsageException("--data names the files of one benchmark; give exactly one benchmark with it");

        ModelDescription model = loader.Describe(request.ModelId);
        ModelLoadOptions load = loader.Resolve(request.LoadOptions);
        var fewShot = request.FewShot is { } f ? new FewShot.FewShotPlan(f, model.Profile) : null;
        fewShot?.Validate(request.Benchmarks);
        var keyParts = new List<string>
        {
            "run-key-v1", model.Id, model.Revision ?? "", load.DType, "tokenizer=" + load.Tokenizer,
            string.Join(";", request.DecodingOverrides().Select(kv => kv.Key + "=" + kv.Value)), request.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // Plain runs keep the key they always had, so their earlier run directories are still continued.
        if (fewShot is not null) keyParts.Add("few-shot:" + fewShot.Description);
        string runKey = FileHashes.Sha256OfText(string.Join("\n", keyParts));

        // Every benchmark's files are found before a run directory is made: a missing file is the commonest
        // mistake, and it must not leave an empty run behind (the files are read later, one benchmark at a time).
        var located = request.Benchmarks.Select(b => Locate(request, b.Benchmark, b.Split)).ToList();

        var run = RunDirectory.Open(request.WorkDirectory, model.DirectoryName, runKey, request.Selection, request.RunId);
        using var runLock = RunLock.Acquire(run.Path, request.Shard);
        log.AttachFile(run.LogFile);
        log.Info($"{(run.IsNew ? "new run" : "continuing run")} {run.Path}");

        var invocation = new RunManifest.Invocation
        {
            Argv = SecretRedactor.RedactArguments(request.Argv),
            Shard = request.Shard.ToString(),
            StartedAt = DateTimeOffset.Now,
        };
        int invocationIndex = -1;
        RunManifestStore.Update(run.Path, m =>
        {
            if (m.RunId.Length == 0)
            {
                m.RunId = run.RunId;
                m.RunKey = runKey;
                m.CreatedAt = invocation.StartedAt;
                m.Harness = new RunManifest.HarnessInfo { Version = MachineInfo.HarnessVersion, Commit = MachineInfo.HarnessCommit };
                m.Model = new RunManifest.ModelRecord
                {
                    Id = model.Id, Family = model.Family, PromptProfile = model.Profile.ToString(),
                    Revision = model.Revision, DType = load.DType, Device = load.Device,
                };
                m.Settings = new RunManifest.RunSettings { DecodingOverrides = request.DecodingOverrides(), Seed = request.Seed, FewShot = fewShot?.Record() };
                m.Machine = MachineInfo.Describe(accelerator: null);
            }
            m.Status = "running";
            m.Invocations.Add(invocation);
            invocationIndex = m.Invocations.Count - 1;
        });
        run.MarkLatest();
        if (fewShot is not null && model.Profile != PromptProfile.Base)
            log.Warn($"--shots with {model.Id}, a {model.Profile} model: OpenFlamingo's few-shot protocol is made for base models; " +
                     "the demonstrations go into the model's prompt convention as they are, and 0-shot prompts carry none");

        var state = new InvocationState(request, model, load, run);
        var outcomes = new List<BenchmarkOutcome>();
        var fewShotResults = new List<(string, RunManifest.FewShotResultRecord)>();
        string outcomeWord = "failed";
        try
        {
            foreach (var ((benchmark, split), files) in request.Benchmarks.Zip(located))
            {
                var data = LoadData(request, benchmark, split, files);
                if (fewShot is null)
                {
                    outcomes.Add(RunUnit(state, PlainUnit(state, benchmark, data), cancellationToken));
                }
                else
                {
                    var context = new FewShot.FewShotContext(fewShot, benchmark, model.Profile, request.DecodingFor(benchmark, model.Profile), request.DataRoot, log);
                    var trialOutcomes = new List<BenchmarkOutcome>();
                    foreach (var trial in fewShot.Trials(benchmark.Info.Name))
                    {
                        trialOutcomes.Add(RunUnit(state, context.Unit(trial, data, Fingerprint(state, benchmark, data)), cancellationToken));
                        if (cancellationToken.IsCancellationRequested) break;
                    }
                    outcomes.AddRange(trialOutcomes);
                    fewShotResults.Add((benchmark.Info.Name, FewShot.FewShotResults.Update(run, benchmark.Info.Name, data.Split.Name, fewShot.Trials(benchmark.Info.Name), log)));
                }
                if (cancellationToken.IsCancellationRequested) break;
            }
            outcomeWord = cancellationToken.IsCancellationRequested ? "interrupted" : "ok";
        }
        finally
        {
            state.Runner?.Dispose();
            RunManifestStore.Update(run.Path, m =>
            {
                var inv = m.Invocations[invocationIndex];
                inv.EndedAt = DateTimeOffset.Now;
                inv.Outcome = outcomeWord;
                inv.ItemsGenerated = state.ItemsGenerated;
                m.Status = m.Benchmarks.Count > 0 && m.Benchmarks.Values.All(b => b.Status == "complete") ? "complete" : outcomeWord == "ok" ? "partial" : outcomeWord;
            });
        }
        return new RunOutcome(run, outcomes, cancellationToken.IsCancellationRequested, fewShotResults);
    }

    /// <summary>Per-command state: the model is loaded on first need and shared by all benchmarks.</summary>
    sealed class InvocationState(RunRequest request, ModelDescription model, ModelLoadOptions load, RunDirectory run)
    {
        public RunRequest Request { get; } = request;
        public ModelDescription Model { get; } = model;
        public ModelLoadOptions Load { get; } = load;
        public RunDirectory Run { get; } = run;
        public IModelRunner? Runner { get; set; }
        public int ItemsGenerated { get; set; }
    }

    /// <summary>A benchmark split's files and samples (the first --limit of them), read once per command.</summary>
    public sealed record UnitData(BenchmarkSplit Split, DatasetFiles Files, IReadOnlyList<RunManifest.DatasetFile> FileRecords, IReadOnlyList<Sample> Samples);

    static UnitData LoadData(RunRequest request, IBenchmark benchmark, string splitName, DatasetFiles files)
    {
        var split = benchmark.Info.Split(splitName);

        var samples = benchmark.LoadSamples(files).ToList();
        var duplicate = samples.GroupBy(s => s.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DataException($"{string.Join(", ", files.Paths)}: index {duplicate.Key} appears {duplicate.Count()} times");
        if (request.Limit is int limit && samples.Count > limit) samples = samples.Take(limit).ToList();
        var fileRecords = files.Paths.Select(p => new RunManifest.DatasetFile { Path = p, Bytes = new FileInfo(p).Length, Sha256 = FileHashes.Sha256OfFile(p) }).ToList();
        return new UnitData(split, files, fileRecords, samples);
    }

    static DatasetFiles Locate(RunRequest request, IBenchmark benchmark, string splitName)
    {
        var split = benchmark.Info.Split(splitName);
        return request.DataFiles.Count > 0
            ? DataLocator.Explicit(split, request.DataFiles)
            : new DataLocator(request.DataRoot).Locate(benchmark.Info, split);
    }

    static BenchmarkFingerprint Fingerprint(InvocationState state, IBenchmark benchmark, UnitData data)
    {
        PromptProfile profile = state.Model.Profile;
        return new BenchmarkFingerprint
        {
            Benchmark = benchmark.Info.Name,
            Split = data.Split.Name,
            PromptProfile = profile.ToString(),
            DatasetSha256 = FileHashes.Sha256OfFiles(data.FileRecords.Select(f => f.Sha256)),
            PromptTemplateSha256 = FileHashes.Sha256OfText(benchmark.PromptTemplate(profile)),
            Decoding = state.Request.DecodingFor(benchmark, profile).Describe(),
        };
    }

    static EvaluationUnit PlainUnit(InvocationState state, IBenchmark benchmark, UnitData data) => new()
    {
        Key = benchmark.Info.Name,
        Benchmark = benchmark,
        Files = data.Files,
        FileRecords = data.FileRecords,
        Samples = data.Samples,
        Fingerprint = Fingerprint(state, benchmark, data),
        Prompts = EvaluationUnit.PlainPrompts(benchmark, state.Model.Profile),
    };

    BenchmarkOutcome RunUnit(InvocationState state, EvaluationUnit unit, CancellationToken ct)
    {
        var request = state.Request;
        var benchmark = unit.Benchmark;
        string name = unit.Key;
        string splitName = unit.Fingerprint.Split;
        var samples = unit.Samples;
        PromptProfile profile = state.Model.Profile;
        DecodingOptions decoding = request.DecodingFor(benchmark, profile);
        var fingerprint = unit.Fingerprint;
        UpdateBenchmark(state.Run, name, r =>
        {
            r.Benchmark = unit.Trial is null ? null : benchmark.Info.Name;
            r.Split = splitName;
            r.Status = "running";
            r.Files = unit.FileRecords.ToList();
            r.PromptProfile = fingerprint.PromptProfile;
            r.PromptTemplateSha256 = fingerprint.PromptTemplateSha256;
            r.Decoding = fingerprint.Decoding;
            r.Limit = request.Limit;
            r.Items = samples.Count;
            r.FewShot = unit.TrialRecord;
        });

        var journaled = PredictionJournal.ReadBenchmark(state.Run.JournalDirectory, name, fingerprint);
        var todo = samples
            .Select((s, position) => (Sample: s, Position: position))
            .Where(x => request.Shard.Owns(x.Position))
            .Where(x => !journaled.TryGetValue(x.Sample.Index, out var e) || (request.RetryFailed && e.Error is not null))
            .ToList();
        int mine = samples.Where((_, position) => request.Shard.Owns(position)).Count();
        log.Info($"{name} ({splitName}): {samples.Count} items" +
                 (request.Shard.IsWhole ? "" : $", {mine} in shard {request.Shard}") +
                 $", {mine - todo.Count} already done, {todo.Count} to run");

        if (todo.Count > 0)
        {
            double seconds = Generate(state, unit, profile, decoding, todo.Select(t => (t.Sample, t.Position)).ToList(), mine, ct);
            UpdateBenchmark(state.Run, name, r => r.GenerationSeconds += seconds);
        }

        var all = PredictionJournal.ReadBenchmark(state.Run.JournalDirectory, name, fingerprint);
        int completed = samples.Count(s => all.ContainsKey(s.Index));
        int failed = samples.Count(s => all.TryGetValue(s.Index, out var e) && e.Error is not null);
        if (completed < samples.Count)
        {
            string status = ct.IsCancellationRequested ? "interrupted" : "waiting-for-shards";
            UpdateBenchmark(state.Run, name, r => { r.Status = status; r.Completed = completed; r.Failed = failed; });
            if (!ct.IsCancellationRequested)
                log.Info($"{name}: {completed}/{samples.Count} items done; scores are written once the other shards finish");
            return new BenchmarkOutcome(name, splitName, status, samples.Count, completed, failed, null);
        }

        var report = RunJudging.Score(benchmark, RunOutputs.Predictions(samples, all), request.Scoring, failed, request.Judge, state.Run.JudgeCacheFile, log.Warn, ct, out var judgeSummary);
        int truncated = samples.Count(s => all[s.Index].DroppedDemonstrations > 0);
        if (truncated > 0)
            report = report with { Notes = [.. report.Notes, $"{truncated} item(s) lost demonstrations (earliest first) to fit the model's context"] };
        RunOutputs.Write(state.Run, name, samples, all, report, log, fewShot: unit.Trial is not null);
        UpdateBenchmark(state.Run, name, r =>
        {
            r.ScoringOptions = RunJudging.Record(request.Scoring);
            r.Judge = judgeSummary;
            if (r.FewShot is { } trialRecord)
            {
                trialRecord.TruncatedItems = truncated;
                trialRecord.DroppedDemonstrations = samples.Sum(s => all[s.Index].DroppedDemonstrations);
            }
            r.Status = "complete";
            r.Completed = completed;
            r.Failed = failed;
            r.PrimaryMetric = report.PrimaryMetric;
            r.Overall = double.IsFinite(report.Overall) ? report.Overall : null;
            r.Aggregation = report.Aggregation.ToString().ToLowerInvariant();
            r.Reference = report.Reference;
            r.Scores = Path.GetRelativePath(state.Run.Path, state.Run.ScoresJson(name));
            r.Predictions = Path.GetRelativePath(state.Run.Path, state.Run.PredictionsFile(name));
            r.FinishedAt = DateTimeOffset.Now;
        });
        log.Info($"{name}: {report.PrimaryMetric} = {report.Overall:0.####} over {samples.Count} items" + (failed > 0 ? $" ({failed} failed)" : ""));
        return new BenchmarkOutcome(name, splitName, "complete", samples.Count, completed, failed, report);
    }

    /// <summary>Generates the items in <paramref name="todo"/>, longest prompts first, and journals each batch.</summary>
    double Generate(InvocationState state, EvaluationUnit unit, PromptProfile profile, DecodingOptions decoding,
        List<(Sample Sample, int Position)> todo, int shardTotal, CancellationToken ct)
    {
        var benchmark = unit.Benchmark;
        string name = unit.Key;
        var runner = EnsureRunner(state);
        var promptFor = unit.Prompts(runner, todo.Select(t => t.Sample).ToList(), ct);
        var built = todo.Select(t => (t.Sample, t.Position, Item: promptFor(t.Sample))).ToList();
        var items = built.Where(x => x.Item.Error is null).Select(x => (x.Sample, x.Position, x.Item, Prompt: x.Item.Prompt!)).ToList();
        // Length bucketing: similar costs share a batch, so little padding is computed. The order does not
        // change any prediction (runners are batch-invariant); ties keep dataset order so the schedule is stable.
        var ordered = items
            .Select(i => (Item: i, Cost: runner.EstimateCost(i.Prompt)))
            .OrderByDescending(x => x.Cost).ThenBy(x => x.Item.Position)
            .Select(x => x.Item)
            .ToList();

        string journalPath = Path.Combine(state.Run.JournalDirectory, PredictionJournal.FileName(name, state.Request.Shard));
        using var journal = PredictionJournal.OpenForAppend(journalPath, unit.Fingerprint);
        var unbuildable = built.Where(x => x.Item.Error is not null)
            .Select(x => new JournalEntry { Index = x.Sample.Index, Raw = "", Prediction = "", Finish = "error", Error = x.Item.Error })
            .ToList();
        if (unbuildable.Count > 0)
        {
            journal.Append(unbuildable);
            foreach (var e in unbuildable) log.Warn($"{name} item {e.Index} failed: {e.Error}");
        }
        var progress = new ProgressReporter(progressOutput, progressIsTerminal, name, shardTotal, shardTotal - items.Count);
        var clock = Stopwatch.StartNew();
        for (int start = 0; start < ordered.Count && !ct.IsCancellationRequested; start += state.Request.BatchSize)
        {
            var batch = ordered.Skip(start).Take(state.Request.BatchSize).ToList();
            var batchClock = Stopwatch.StartNew();
            IReadOnlyList<(GenerationResult? Result, string? Error)> results;
            try
            {
                results = GenerateIsolatingBadInputs(runner, batch.Select(b => b.Prompt).ToList(), decoding, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break; // the batch in flight is dropped; everything before it is on disk
            }
            double perItemMs = batchClock.Elapsed.TotalMilliseconds / batch.Count;
            var entries = batch.Zip(results, (item, r) => r.Result is { } g
                ? new JournalEntry
                {
                    Index = item.Sample.Index, Raw = g.Text, Prediction = benchmark.PostProcess(g.Text, profile),
                    PromptTokens = g.PromptTokens, GeneratedTokens = g.GeneratedTokens, Finish = g.FinishReason,
                    LatencyMs = perItemMs, BatchSize = batch.Count,
                    Demonstrations = item.Item.Demonstrations, DroppedDemonstrations = item.Item.DroppedDemonstrations,
                }
                : new JournalEntry
                {
                    Index = item.Sample.Index, Raw = "", Prediction = "", Finish = "error", Error = r.Error,
                    LatencyMs = perItemMs, BatchSize = batch.Count,
                    Demonstrations = item.Item.Demonstrations, DroppedDemonstrations = item.Item.DroppedDemonstrations,
                }).ToList();
            journal.Append(entries);
            foreach (var e in entries.Where(e => e.Error is not null)) log.Warn($"{name} item {e.Index} failed: {e.Error}");
            state.ItemsGenerated += batch.Count;
            progress.Advance(batch.Count);
        }
        progress.Finish();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs a batch; when the runner names one prompt as bad input, that item is recorded as failed
    /// and the rest of the batch is run again without it.</summary>
    static IReadOnlyList<(GenerationResult? Result, string? Error)> GenerateIsolatingBadInputs(
        IModelRunner runner, IReadOnlyList<InterleavedPrompt> prompts, DecodingOptions decoding, CancellationToken ct)
    {
        var outcome = new (GenerationResult? Result, string? Error)[prompts.Count];
        var pending = Enumerable.Range(0, prompts.Count).ToList();
        while (pending.Count > 0)
        {
            try
            {
                var results = runner.Generate(pending.Select(i => prompts[i]).ToList(), decoding, ct);
                if (results.Count != pending.Count)
                    throw new InvalidOperationException($"the model runner returned {results.Count} results for {pending.Count} prompts");
                for (int k = 0; k < pending.Count; k++) outcome[pending[k]] = (results[k], null);
                pending.Clear();
            }
            catch (PromptInputException e) when (e.PromptIndex >= 0 && e.PromptIndex < pending.Count)
            {
                outcome[pending[e.PromptIndex]] = (null, e.Message);
                pending.RemoveAt(e.PromptIndex);
            }
        }
        return outcome;
    }

    IModelRunner EnsureRunner(InvocationState state)
    {
        if (state.Runner is not null) return state.Runner;
        log.Info($"loading {state.Model.Id} ({state.Load.DType} on {state.Load.Device})");
        var clock = Stopwatch.StartNew();
        state.Runner = loader.Load(state.Model.Id, state.Load with { BatchSize = state.Request.BatchSize, Log = log.Info });
        var info = state.Runner.Info;
        log.Info($"loaded {info.Id} in {clock.Elapsed.TotalSeconds:0.0} s");
        RunManifestStore.Update(state.Run.Path, m =>
        {
            m.Model = new RunManifest.ModelRecord
            {
                Id = info.Id, Family = info.Family, PromptProfile = info.Profile.ToString(), Revision = info.Revision,
                DType = info.DType, Device = info.Device, ContextLength = info.ContextLength,
                Details = new SortedDictionary<string, string>(info.Details.ToDictionary(), StringComparer.Ordinal),
            };
            m.Machine.Accelerator = info.Details.TryGetValue("accelerator", out var acc) ? acc : m.Machine.Accelerator;
        });
        return state.Runner;
    }

    static void UpdateBenchmark(RunDirectory run, string name, Action<RunManifest.BenchmarkRecord> change) =>
        RunManifestStore.Update(run.Path, m =>
        {
            if (!m.Benchmarks.TryGetValue(name, out var record)) m.Benchmarks[name] = record = new RunManifest.BenchmarkRecord();
            change(record);
        });
}
