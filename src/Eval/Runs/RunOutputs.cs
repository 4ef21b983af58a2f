using XGenEval.Benchmarks.Abstractions;
using XGenEval.Core.IO;

namespace XGenEval.Cli.Runs;

/// <summary>A scored benchmark's files in a run directory: the predictions table, the scores (JSON and CSV) and the
/// report's attachments, each written to a temporary file and renamed (`run` and `judge` write them alike).</summary>
public static class RunOutputs
{
    /// <summary>What is scored: each sample's journaled prediction, empty for an item whose inference failed.</summary>
    public static List<Prediction> Predictions(IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, JournalEntry> journal) =>
        [.. samples.Select(s => new Prediction(s, journal[s.Index].Error is null ? journal[s.Index].Prediction : ""))];

    public static void Write(RunDirectory run, string name, IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, JournalEntry> journal,
        ScoreReport report, RunLog log, bool fewShot = false)
    {
        PredictionsTableWriter.Write(run.PredictionsFile(name), samples, journal, report, fewShot);
        AtomicFile.WriteAllText(run.ScoresJson(name), ScoreReportFiles.ToJsonText(report));
        AtomicFile.WriteAllText(run.ScoresCsv(name), ScoreReportFiles.ToCsv(report));
        foreach (var (fileName, text) in report.Attachments)
        {
            AtomicFile.WriteAllText(Path.Combine(run.Path, Path.GetFileName(fileName)), text);
            log.Info($"{name}: wrote {fileName} into the run directory");
        }
    }
}
