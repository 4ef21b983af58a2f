using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Cli.Runs;
using XGenEval.Core.Errors;

namespace XGenEval.Cli.Reports;

/// <summary>
/// Reads a run directory (manifest.json, scores/&lt;bench&gt;.json, predictions/&lt;bench&gt;.parquet) into a
/// <see cref="RunResult"/>. Benchmarks that are not complete are kept with their status and no scores; a few-shot
/// run's trials are also grouped by shot count (<see cref="FewShotRunReader"/>).
/// </summary>
public static class RunDirectoryReader
{
    public static RunResult Read(string runDirectory)
    {
        var manifest = RunManifestStore.Read(runDirectory);
        var run = new RunResult
        {
            RunId = manifest.RunId.Length > 0 ? manifest.RunId : Path.GetFileName(Path.TrimEndingDirectorySeparator(runDirectory)),
            Model = new ModelSummary
            {
                Id = manifest.Model.Id, Family = manifest.Model.Family, Revision = manifest.Model.Revision,
                PromptProfile = manifest.Model.PromptProfile, DType = manifest.Model.DType, Device = manifest.Model.Device,
            },
            Status = manifest.Status,
            CreatedAt = manifest.CreatedAt,
            UpdatedAt = manifest.UpdatedAt,
            Harness = new HarnessRecord { Version = manifest.Harness.Version, Commit = manifest.Harness.Commit },
            Machine = new MachineSummary { Os = manifest.Machine.Os, LogicalCpus = manifest.Machine.LogicalCpus, Accelerator = manifest.Machine.Accelerator },
            Seed = manifest.Settings.Seed,
            DecodingOverrides = manifest.Settings.DecodingOverrides,
            Source = Path.GetFullPath(runDirectory),
        };
        foreach (var (name, record) in manifest.Benchmarks)
            run.Benchmarks[name] = ReadBenchmark(runDirectory, record);
        run.FewShot = FewShotRunReader.Read(manifest);
        return run;
    }

    static BenchmarkResult ReadBenchmark(string runDirectory, RunManifest.BenchmarkRecord record)
    {
        var result = new BenchmarkResult
        {
            Split = record.Split,
            Status = record.Status,
            PrimaryMetric = record.PrimaryMetric,
            Overall = record.Overall,
            Aggregation = record.Aggregation,
            Reference = record.Reference,
            Items = record.Items,
            Completed = record.Completed,
            Failed = record.Failed,
            Limit = record.Limit,
            FinishedAt = record.FinishedAt,
            DatasetSha256 = record.Files.Count > 0 ? FileHashes.Sha256OfFiles(record.Files.Select(f => f.Sha256)) : null,
            PromptTemplateSha256 = record.PromptTemplateSha256.Length > 0 ? record.PromptTemplateSha256 : null,
            Decoding = record.Decoding.Length > 0 ? record.Decoding : null,
        };
        if (record.Status != "complete") return result;
        if (record.Scores is not null) ReadScores(Path.Combine(runDirectory, record.Scores), result);
        if (record.Predictions is not null)
        {
            string predictions = Path.Combine(runDirectory, record.Predictions);
            if (File.Exists(predictions)) result.ItemScores = ReadItems(predictions);
        }
        return result;
    }

    /// <summary>Named metrics and counts from scores/&lt;bench&gt;.json (ScoreReportFiles' format); the
    /// manifest's headline wins where both have one.</summary>
    static void ReadScores(string path, BenchmarkResult result)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new DataException($"{path}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new DataException($"{path}: not valid JSON ({e.Message})", e);
        }
        catch (FileNotFoundException)
        {
            throw new DataException($"{path}: the manifest names this score file but it is missing");
        }
        if (json["metrics"] is JsonObject metrics)
            foreach (var (k, v) in metrics) result.Metrics[k] = v is JsonValue jv && jv.TryGetValue<double>(out var d) ? d : null;
        if (json["counts"] is JsonObject counts)
            foreach (var (k, v) in counts)
                if (v is JsonValue jv && jv.TryGetValue<long>(out var c)) result.Counts[k] = c;
        result.PrimaryMetric ??= json["primary_metric"]?.GetValue<string>();
        result.Aggregation ??= json["aggregation"]?.GetValue<string>();
        result.Reference ??= json["reference"]?.GetValue<string>();
        if (result.Overall is null && result.PrimaryMetric is not null) result.Overall = result.Metric(result.PrimaryMetric);
    }

    /// <summary>The item columns of predictions/&lt;bench&gt;.parquet that statistics use.</summary>
    public static List<ItemResult> ReadItems(string predictionsPath)
    {
        var table = ParquetTable.Read(predictionsPath);
        if (!table.Columns.Contains("index") || !table.Columns.Contains("score"))
            throw new DataException($"{predictionsPath}: a predictions table needs 'index' and 'score' columns");
        return table.Rows.Select(row => new ItemResult
        {
            Index = Text(row, "index") ?? throw new DataException($"{predictionsPath}: a row has no index"),
            Score = Number(row, "score"),
            Parsed = Text(row, "parsed"),
            Group = Text(row, "group"),
            Category = Text(row, "category"),
            Answer = Text(row, "answer"),
            Prediction = Text(row, "prediction"),
        }).ToList();
    }

    static string? Text(Dictionary<string, object> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    static double? Number(Dictionary<string, object> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;
}
