using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Judge.Engine;
using XGenEval.Benchmarks.Judge.Providers;
using XGenEval.Benchmarks.Judge.Scoring;

namespace XGenEval.Cli.Runs;

/// <summary>Scoring inside xgen-eval's commands: with the rules only, or with the LLM judge and its cache.</summary>
public static class RunJudging
{
    /// <summary>
    /// Scores <paramref name="predictions"/>; with a judge, its replies are cached in <paramref name="cacheFile"/> (and
    /// the shared cache) and <paramref name="summary"/> says what it did. Failed inferences arrive as empty predictions
    /// and are counted (<paramref name="inferFailed"/>).
    /// </summary>
    public static ScoreReport Score(IBenchmark benchmark, IReadOnlyList<Prediction> predictions, ScoringOptions options, int inferFailed,
        JudgeSettings? judge, string cacheFile, Action<string> warn, CancellationToken cancellationToken, out JudgeSummary? summary)
    {
        summary = null;
        ScoreReport report;
        if (judge is null)
        {
            report = benchmark.Score(predictions, options);
        }
        else
        {
            using var engine = JudgeEngine.Create(judge, cacheFile, warn);
            var judged = JudgedScoring.Score(benchmark, predictions, options, engine, cancellationToken);
            (report, summary) = (judged.Report, judged.Summary);
        }
        if (inferFailed == 0) return report;
        return report with
        {
            Counts = new Dictionary<string, long>(report.Counts) { ["infer_failed"] = inferFailed },
            Notes = [.. report.Notes, $"{inferFailed} item(s) could not be run and count as wrong"],
        };
    }

    /// <summary>The scoring options as the manifest records them (null when there are none).</summary>
    public static SortedDictionary<string, string>? Record(ScoringOptions options) =>
        options.Values.Count == 0 ? null : new SortedDictionary<string, string>(options.Values.ToDictionary(), StringComparer.Ordinal);

    /// <summary>The cache of `xgen-eval score`, which has no run directory: the shared folder if given, else
    /// <c>$XDG_CACHE_HOME/xgen-eval/judge/</c> (or <c>~/.cache/...</c>).</summary>
    public static string UserCacheFile(JudgeSettings judge, Func<string, string?> environment)
    {
        if (judge.SharedCacheDirectory is { } shared) return Path.Combine(shared, JudgeCache.SharedFileName);
        string root = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "xgen-eval", "judge", JudgeCache.SharedFileName);
    }
}
