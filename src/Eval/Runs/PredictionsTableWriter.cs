using Parquet.Schema;
using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Core.IO;

namespace XGenEval.Cli.Runs;

/// <summary>
/// <c>predictions/&lt;bench&gt;.parquet</c>: one row per item, in dataset order: the sample's fields (no image
/// bytes), the prediction, the raw output, what the scorer parsed, the item score, token counts, latency.
/// A sample field whose name collides with one of these columns is kept as <c>sample_&lt;name&gt;</c>.
/// Few-shot trials add <c>demonstrations</c> (the demonstration ids, space-separated, in prompt order) and
/// <c>dropped_demonstrations</c>.
/// </summary>
public static class PredictionsTableWriter
{
    static readonly string[] OwnColumns =
        ["index", "prediction", "raw_output", "parsed", "score", "group", "prompt_tokens", "generated_tokens", "latency_ms", "batch_size", "finish_reason", "error",
         "demonstrations", "dropped_demonstrations"];

    public static void Write(string path, IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, JournalEntry> journal, ScoreReport report, bool fewShot = false)
    {
        var fieldNames = new List<string>();
        var seen = new HashSet<string>();
        foreach (var s in samples)
            foreach (var key in s.Fields.Keys)
                if (seen.Add(key)) fieldNames.Add(key);
        string Column(string field) => OwnColumns.Contains(field) ? "sample_" + field : field;

        var columns = new List<DataField> { new DataField<string>("index") };
        columns.AddRange(fieldNames.Select(f => new DataField<string>(Column(f))));
        columns.AddRange(
        [
            new DataField<string>("prediction"), new DataField<string>("raw_output"), new DataField<string>("parsed"),
            new DataField<double?>("score"), new DataField<string>("group"),
            new DataField<int?>("prompt_tokens"), new DataField<int?>("generated_tokens"), new DataField<double?>("latency_ms"),
            new DataField<int?>("batch_size"), new DataField<string>("finish_reason"), new DataField<string>("error"),
        ]);
        if (fewShot) columns.AddRange([new DataField<string>("demonstrations"), new DataField<int?>("dropped_demonstrations")]);

        var items = report.Items.ToDictionary(i => i.Index);
        var rows = new List<IDictionary<string, object?>>(samples.Count);
        foreach (var s in samples)
        {
            var row = new Dictionary<string, object?> { ["index"] = s.Index };
            foreach (var f in fieldNames) row[Column(f)] = s.Fields.TryGetValue(f, out var v) ? v : null;
            journal.TryGetValue(s.Index, out var e);
            items.TryGetValue(s.Index, out var item);
            row["prediction"] = e?.Prediction;
            row["raw_output"] = e?.Raw;
            row["parsed"] = item?.Parsed;
            row["score"] = item?.Score;
            row["group"] = item?.Group;
            row["prompt_tokens"] = e?.PromptTokens;
            row["generated_tokens"] = e?.GeneratedTokens;
            row["latency_ms"] = e?.LatencyMs;
            row["batch_size"] = e?.BatchSize;
            row["finish_reason"] = e?.Finish;
            row["error"] = e?.Error;
            if (fewShot)
            {
                row["demonstrations"] = e?.Demonstrations is { } demos ? string.Join(" ", demos) : null;
                row["dropped_demonstrations"] = e?.DroppedDemonstrations;
            }
            rows.Add(row);
        }
        AtomicFile.Write(path, stream => ParquetTable.Write(stream, columns, rows));
    }
}
