using System.Globalization;
using XGenEval.Core.Errors;
using XGenEval.Core.IO;

namespace XGenEval.Cli.Runs;

/// <summary>How the command chose its run directory.</summary>
public enum RunSelection
{
    /// <summary>Continue the newest run with the same run key, else start one (the default).</summary>
    Auto,

    /// <summary>--resume: continue an existing run (the named one, or the newest with the same key); error if none.</summary>
    Resume,

    /// <summary>--fresh: always start a new run.</summary>
    Fresh,
}

/// <summary>
/// <c>&lt;work-dir&gt;/&lt;model&gt;/&lt;run-id&gt;/</c> and the files in it:
/// <code>
/// manifest.json            how the numbers were made (see RunManifest)
/// run.log                  log of every invocation
/// journal/&lt;bench&gt;[.shard-K-of-N].jsonl   finished items, appended and fsynced per batch
/// predictions/&lt;bench&gt;.parquet            every item: sample fields, prediction, raw output, parse, score, tokens, latency
/// scores/&lt;bench&gt;.json, .csv              metric tables
/// judge/cache.jsonl                        the LLM judge's replies (appended and fsynced; re-scoring reads them)
/// </code>
/// and <c>&lt;work-dir&gt;/&lt;model&gt;/latest</c>, a text file with the newest run id.
/// </summary>
public sealed class RunDirectory
{
    RunDirectory(string modelDirectory, string runId, bool isNew)
    {
        ModelDirectory = modelDirectory;
        RunId = runId;
        Path = System.IO.Path.Combine(modelDirectory, runId);
        IsNew = isNew;
    }

    public string ModelDirectory { get; }
    public string RunId { get; }
    public string Path { get; }

    /// <summary>True when this command created the directory.</summary>
    public bool IsNew { get; }

    public string JournalDirectory => System.IO.Path.Combine(Path, "journal");
    public string LogFile => System.IO.Path.Combine(Path, "run.log");
    public string PredictionsFile(string benchmark) => System.IO.Path.Combine(Path, "predictions", benchmark + ".parquet");
    public string ScoresJson(string benchmark) => System.IO.Path.Combine(Path, "scores", benchmark + ".json");
    public string ScoresCsv(string benchmark) => System.IO.Path.Combine(Path, "scores", benchmark + ".csv");

    public const string LatestFile = "latest";

    /// <summary>Finds or creates the run directory for this command.</summary>
    public static RunDirectory Open(string workDirectory, string modelDirectoryName, string runKey, RunSelection selection, string? runId)
    {
        string modelDir = System.IO.Path.Combine(System.IO.Path.GetFullPath(workDirectory), modelDirectoryName);
        if (runId is not null)
        {
            if (runId.Length == 0 || runId.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || runId is "." or ".." || runId == LatestFile)
                throw new UsageException($"'{runId}' cannot be a run id (use letters, digits, '-', '_', '.')");
            string dir = System.IO.Path.Combine(modelDir, runId);
            if (RunManifestStore.Exists(dir))
            {
                string existingKey = RunManifestStore.Read(dir).RunKey;
                if (existingKey != runKey)
                    throw new UsageException($"run {runId} in {modelDir} was made with a different model, dtype, decoding, seed or few-shot settings; choose another --run-id");
                return new RunDirectory(modelDir, runId, isNew: false);
            }
            if (selection == RunSelection.Resume)
                throw new UsageException($"--resume: no run {runId} in {modelDir}");
            return Create(modelDir, runId);
        }

        if (selection != RunSelection.Fresh)
        {
            string? match = FindNewest(modelDir, runKey);
            if (match is not null) return new RunDirectory(modelDir, match, isNew: false);
            if (selection == RunSelection.Resume)
                throw new UsageException($"--resume: no earlier run with these settings in {modelDir}");
        }
        return Create(modelDir, NewRunId(modelDir));
    }

    /// <summary>Opens an existing run directory given by path, or a model directory (its latest run).</summary>
    public static string ResolveExisting(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (RunManifestStore.Exists(full)) return full;
        string latest = System.IO.Path.Combine(full, LatestFile);
        if (File.Exists(latest))
        {
            string dir = System.IO.Path.Combine(full, File.ReadAllText(latest).Trim());
            if (RunManifestStore.Exists(dir)) return dir;
        }
        throw new DataException($"{path}: not a run directory (no {RunManifestStore.FileName}) nor a model directory with a '{LatestFile}' run");
    }

    /// <summary>An existing run directory, by its path (see <see cref="ResolveExisting"/>).</summary>
    public static RunDirectory Existing(string runPath)
    {
        string full = System.IO.Path.GetFullPath(runPath);
        return new RunDirectory(System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileName(full), isNew: false);
    }

    public string JudgeCacheFile => System.IO.Path.Combine(Path, "judge", "cache.jsonl");

    /// <summary>Points <c>latest</c> at this run.</summary>
    public void MarkLatest() => AtomicFile.WriteAllText(System.IO.Path.Combine(ModelDirectory, LatestFile), RunId + "\n");

    static RunDirectory Create(string modelDir, string runId)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(modelDir, runId));
        return new RunDirectory(modelDir, runId, isNew: true);
    }

    static string? FindNewest(string modelDir, string runKey)
    {
        if (!Directory.Exists(modelDir)) return null;
        return Directory.GetDirectories(modelDir)
            .Where(RunManifestStore.Exists)
            .Select(d => (dir: d, manifest: TryRead(d)))
            .Where(x => x.manifest?.RunKey == runKey)
            .OrderByDescending(x => x.manifest!.CreatedAt)
            .ThenByDescending(x => x.dir, StringComparer.Ordinal)
            .Select(x => System.IO.Path.GetFileName(x.dir))
            .FirstOrDefault();
    }

    static RunManifest? TryRead(string dir)
    {
        try { return RunManifestStore.Read(dir); }
        catch (DataException) { return null; } // a damaged manifest is not a run to continue
    }

    /// <summary>VLMEvalKit-style ids, T + local time, with a counter when two start in the same second.</summary>
    static string NewRunId(string modelDir)
    {
        string stamp = "T" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string id = stamp;
        for (int i = 2; Directory.Exists(System.IO.Path.Combine(modelDir, id)); i++) id = $"{stamp}-{i}";
        return id;
    }
}
