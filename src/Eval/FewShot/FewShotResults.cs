using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using XGenEval.Benchmarks.FewShot;
using XGenEval.Cli.Runs;
using XGenEval.Core.IO;

namespace XGenEval.Cli.FewShot;

/// <summary>
/// Summarises a benchmark's few-shot trials from the run manifest: per shot count every trial's score, their
/// mean and population standard deviation (<see cref="TrialStatistics"/>), into the manifest's
/// <c>few_shot_results</c> and, once every trial of a shot count is scored, <c>scores/&lt;bench&gt;.&lt;k&gt;shot.summary.json</c>
/// and <c>.csv</c>. Shard processes may each call it; they compute the same thing.
/// </summary>
public static class FewShotResults
{
    public static string SummaryJson(RunDirectory run, string benchmark, int shots) =>
        Path.Combine(run.Path, "scores", $"{benchmark}.{shots.ToString(CultureInfo.InvariantCulture)}shot.summary.json");

    public static RunManifest.FewShotResultRecord Update(RunDirectory run, string benchmark, string split, IReadOnlyList<FewShotTrial> trials, RunLog log)
    {
        var manifest = RunManifestStore.Read(run.Path);
        var result = new RunManifest.FewShotResultRecord { Split = split, StdKind = TrialStatistics.StdDevKind };
        foreach (int shots in trials.Select(t => t.Shots).Distinct())
        {
            var rows = trials.Where(t => t.Shots == shots).Select(t =>
            {
                manifest.Benchmarks.TryGetValue(t.Key, out var record);
                bool complete = record?.Status == "complete";
                result.Metric ??= complete ? record!.PrimaryMetric : null;
                return new RunManifest.TrialScoreRecord
                {
                    Key = t.Key, Seed = t.Seed, Status = record?.Status ?? "pending",
                    Score = complete ? record!.Overall : null,
                };
            }).ToList();
            var done = rows.Where(r => r.Status == "complete").ToList();
            var stats = TrialStatistics.Of(done.Select(r => r.Score ?? double.NaN));
            var shot = new RunManifest.ShotResultRecord
            {
                Shots = shots,
                Mean = Finite(stats.Mean),
                Std = Finite(stats.StdDev),
                CompleteTrials = done.Count,
                Trials = rows,
            };
            if (done.Count == rows.Count)
            {
                string json = SummaryJson(run, benchmark, shots);
                AtomicFile.WriteAllText(json, ToJson(benchmark, split, result.Metric, trials.First(t => t.Shots == shots), shot));
                AtomicFile.WriteAllText(Path.ChangeExtension(json, ".csv"), ToCsv(result.Metric, shot));
                shot.Scores = Path.GetRelativePath(run.Path, json);
                log.Info($"{benchmark} {shots}-shot: {result.Metric} mean {Text(shot.Mean)}, std {Text(shot.Std)} over {done.Count} trial(s)");
            }
            result.Shots.Add(shot);
        }
        RunManifestStore.Update(run.Path, m =>
        {
            m.FewShotResults ??= new SortedDictionary<string, RunManifest.FewShotResultRecord>(StringComparer.Ordinal);
            m.FewShotResults[benchmark] = result;
        });
        return result;
    }

    static double? Finite(double x) => double.IsFinite(x) ? x : null;

    static string Text(double? x) => x is double d ? d.ToString("0.####", CultureInfo.InvariantCulture) : "-";

    static string ToJson(string benchmark, string split, string? metric, FewShotTrial first, RunManifest.ShotResultRecord shot)
    {
        var json = new JsonObject
        {
            ["benchmark"] = benchmark,
            ["split"] = split,
            ["shots"] = shot.Shots,
            ["demonstrations_per_prompt"] = first.Demonstrations,
            ["text_only_demonstrations"] = first.TextOnly,
            ["selection"] = first.Selection.ToString().ToLowerInvariant(),
            ["query_set_size"] = first.QuerySetSize,
            ["metric"] = metric,
            ["mean"] = shot.Mean,
            ["std"] = shot.Std,
            ["std_kind"] = TrialStatistics.StdDevKind,
            ["trials"] = new JsonArray(shot.Trials.Select(t => (JsonNode)new JsonObject
            {
                ["key"] = t.Key, ["seed"] = t.Seed, ["score"] = t.Score,
            }).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    static string ToCsv(string? metric, RunManifest.ShotResultRecord shot)
    {
        var csv = new StringBuilder("trial,seed,metric,score\n");
        foreach (var t in shot.Trials)
            csv.Append(CultureInfo.InvariantCulture, $"{t.Key},{t.Seed},{metric},{t.Score?.ToString("R", CultureInfo.InvariantCulture)}\n");
        csv.Append(CultureInfo.InvariantCulture, $"mean,,{metric},{shot.Mean?.ToString("R", CultureInfo.InvariantCulture)}\n");
        csv.Append(CultureInfo.InvariantCulture, $"std,,{metric},{shot.Std?.ToString("R", CultureInfo.InvariantCulture)}\n");
        return csv.ToString();
    }
}
