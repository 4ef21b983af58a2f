using System.Text.Json.Nodes;
using XGenEval.Cli.Cli;
using XGenEval.Cli.Reports;
using XGenEval.Cli.Runs;
using XGenEval.Cli.Tests.Cli;
using XGenEval.Cli.Tests.FewShot;

namespace XGenEval.Cli.Tests.Reports;

/// <summary>A few-shot run read for reports: trials grouped by shot count, with the mean and population standard
/// deviation of their scores, computed here again from the trials' own score files.</summary>
public class FewShotRunReaderTests
{
    /// <summary>A trial's headline as its scores file holds it, read without the report code.</summary>
    public static double ScoreFile(string runDirectory, string key) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, "scores", key + ".json")))!["overall"]!.GetValue<double>();

    /// <summary>numpy's mean and std (ddof=0) of the scores.</summary>
    public static (double Mean, double Std) MeanAndPopulationStd(IReadOnlyList<double> scores)
    {
        double mean = scores.Sum() / scores.Count;
        return (mean, Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Count));
    }

    static string StandInRun(string workDirectory, params string[] fewShot)
    {
        var r = CliHarness.Run(new StandInBaseModel(), ["run", "coco", "--split", "sample", "--model", StandInBaseModel.Id, "--work-dir", workDirectory,
            "--feature-cache", Path.Combine(workDirectory, "features"), "--quiet", .. fewShot]);
        Assert.True(r.ExitCode == ExitCodes.Ok, r.Error);
        return RunDirectory.ResolveExisting(Path.Combine(workDirectory, StandInBaseModel.Id));
    }

    [Fact]
    public void A_real_few_shot_run_is_read_per_shot_count_with_the_mean_and_population_std_of_its_trial_score_files()
    {
        using var temp = new TempDirectory();
        string runDirectory = StandInRun(temp.Path, "--shots", "0,4", "--seeds", "42,43,44");

        var run = RunDirectoryReader.Read(runDirectory);

        Assert.Equal([0, 4], run.FewShot!.Select(f => f.Shots));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, "manifest.json")))!["few_shot_results"]!["coco"]!["shots"]!.AsArray();
        foreach (var (result, summary) in run.FewShot!.Zip(manifest))
        {
            Assert.Equal(("coco", "sample", "CIDEr", "random"), (result.Benchmark, result.Split, result.Metric, result.Selection));
            Assert.Equal([42, 43, 44], result.Trials.Select(t => t.Seed!.Value));
            Assert.Equal([.. new[] { 42, 43, 44 }.Select(s => $"coco.{result.Shots}shot.seed{s}")], result.Trials.Select(t => t.Key));
            var scores = result.Trials.Select(t => ScoreFile(runDirectory, t.Key)).ToList();
            Assert.Equal(scores, result.Trials.Select(t => t.Score!.Value));
            var (mean, std) = MeanAndPopulationStd(scores);
            Assert.True(result.Complete);
            Assert.Equal(3, result.CompleteTrials);
            Assert.Equal(mean, result.Mean!.Value, 9);
            Assert.Equal(std, result.Std!.Value, 9);
            // the run's own summary says the same
            Assert.Equal(summary!["mean"]!.GetValue<double>(), result.Mean!.Value, 9);
            Assert.Equal(summary["std"]!.GetValue<double>(), result.Std!.Value, 9);
            Assert.All(result.Trials, t => Assert.True(run.IsTrial(t.Key)));
        }
        // The stand-in answers with its last demonstration's caption: the seeds' demonstrations differ, so do the scores.
        Assert.True(run.FewShot![1].Std > 0);
        Assert.Equal("2 text-only, random", run.FewShot[0].Demonstrations);
        Assert.Equal("two-text-only-demos", run.FewShot[0].ZeroShot);
        Assert.Null(run.FewShot[1].ZeroShot);
    }

    [Fact]
    public void A_plain_zero_shot_trial_is_its_shot_counts_only_trial()
    {
        using var temp = new TempDirectory();
        var run = RunDirectoryReader.Read(StandInRun(temp.Path, "--shots", "0", "--trials", "3", "--plain-zero-shot"));

        var zero = Assert.Single(run.FewShot!);
        var trial = Assert.Single(zero.Trials);
        Assert.Equal(("coco.0shot", null, "none"), (trial.Key, trial.Seed, zero.Selection));
        Assert.Equal(trial.Score, zero.Mean);
        Assert.Equal(0, zero.Std);
    }

    [Fact]
    public void A_shot_count_with_unscored_or_unstarted_trials_has_no_mean()
    {
        using var temp = new TempDirectory();
        var run = RunDirectoryReader.Read(FewShotScenario.Write(temp.Path));

        var eight = run.FewShot!.Single(f => f.Shots == 8);
        Assert.False(eight.Complete);
        Assert.Equal(1, eight.CompleteTrials);
        Assert.Equal(["complete", "running", "pending"], eight.Trials.Select(t => t.Status));
        Assert.Equal("coco.8shot.seed3", eight.Trials[2].Key); // planned from the run's settings, though never started
        Assert.Null(eight.Mean);
        Assert.Null(eight.Std);
        Assert.NotNull(eight.Trials[0].Score);
        Assert.All(run.FewShot!.Where(f => f.Shots != 8), f => Assert.True(f.Complete));
    }

    [Fact]
    public void A_plain_run_has_no_few_shot_results()
    {
        using var temp = new TempDirectory();
        var run = RunDirectoryReader.Read(RunFixtures.WriteRun(temp.Path, "m", "r", ReportScenario.Ai2d(60)));

        Assert.Null(run.FewShot);
        Assert.False(run.IsTrial("ai2d"));
    }
}
