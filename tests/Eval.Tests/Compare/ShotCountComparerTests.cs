using XGenEval.Cli.Compare;
using XGenEval.Cli.Reports;
using XGenEval.Cli.Reports.Statistics;
using XGenEval.Cli.Runs;
using XGenEval.Cli.Tests.Reports;

namespace XGenEval.Cli.Tests.Compare;

/// <summary>compare on two few-shot runs (<see cref="FewShotScenario"/>): each shot count's mean over trials is compared
/// and gated beside the trial-by-trial rows.</summary>
public class ShotCountComparerTests
{
    static (RunResult Run, string Directory) Run(string workDirectory, string runId, double level = 0, int[]? seeds = null)
    {
        string dir = FewShotScenario.Write(Path.Combine(workDirectory, runId), runId, level: level, seeds: seeds);
        var run = RunDirectoryReader.Read(dir);
        ReportBuilder.Annotate([run], new UncertaintyCalculator());
        return (run, dir);
    }

    static ComparisonResult Compare(RunResult baseline, RunResult candidate, CompareOptions? options = null) =>
        new RunComparer(options ?? new CompareOptions()).Compare(baseline, candidate);

    static BenchmarkComparison Mean(ComparisonResult result, int shots) =>
        result.Benchmarks.Single(b => b.FewShot is { Kind: "mean" } f && f.Shots == shots);

    static double MeanOfScoreFiles(string run, int shots, int[] seeds) =>
        seeds.Select(s => FewShotRunReaderTests.ScoreFile(run, FewShotScenario.Key(shots, s))).Average();

    [Fact]
    public void A_drop_of_the_mean_over_the_same_trials_is_a_regression_with_the_trials_paired_standard_error()
    {
        using var temp = new TempDirectory();
        var (baseline, baseDir) = Run(temp.Path, "base");
        var (candidate, candDir) = Run(temp.Path, "cand", level: -0.04);

        var result = Compare(baseline, candidate);

        var four = Mean(result, 4);
        Assert.Equal(("coco", "karpathy-test", "CIDEr"), (four.Benchmark, four.Split, four.Metric));
        Assert.Equal(MeanOfScoreFiles(candDir, 4, FewShotScenario.Seeds) - MeanOfScoreFiles(baseDir, 4, FewShotScenario.Seeds), four.Delta!.Value, 9);
        Assert.Equal(-4, four.Delta!.Value, 6);
        Assert.Equal("paired-trials", four.Test);
        var trials = FewShotScenario.Seeds.Select(s => result.Benchmarks.Single(b => b.Benchmark == FewShotScenario.Key(4, s))).ToList();
        Assert.All(trials, t => Assert.Equal(("trial", 4), (t.FewShot!.Kind, t.FewShot.Shots)));
        Assert.Equal(trials.Average(t => t.StandardErrorOfDelta!.Value), four.StandardErrorOfDelta!.Value, 12);
        Assert.True(four.StandardErrorOfDelta > 0);
        Assert.Equal((3, 3, 3), (four.FewShot!.PairedTrials, four.FewShot.BaselineTrials, four.FewShot.CandidateTrials));
        Assert.Equal(trials.Sum(t => t.ItemsLost), four.ItemsLost);
        Assert.Equal(Verdict.Regressed, four.Verdict);
        Assert.True(four.Fails);
        Assert.False(result.Passed);
        // the mean sorts just before its trials; the incomplete 8-shot count has no mean row, its one scored trial is compared
        int at = result.Benchmarks.IndexOf(four);
        Assert.Equal(FewShotScenario.Key(4, 1), result.Benchmarks[at + 1].Benchmark);
        Assert.DoesNotContain(result.Benchmarks, b => b.FewShot is { Kind: "mean", Shots: 8 });
        Assert.Contains(result.Benchmarks, b => b.Benchmark == FewShotScenario.Key(8, 1));
        Assert.Contains("| coco 4-shot mean | karpathy-test | CIDEr |", CompareMarkdown.Render(result, 20));
    }

    [Fact]
    public void A_baseline_file_keeps_the_shot_counts_and_gates_the_same_way()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base").Run;
        var candidate = Run(temp.Path, "cand", level: -0.04).Run;
        string file = Path.Combine(temp.Path, "baseline.json");
        File.WriteAllText(file, ResultsJson.Serialize(new ResultsDocument { Runs = [baseline] }));

        var fromFile = Compare(ResultsJson.Read(file).Runs.Single(), candidate);
        var direct = Compare(baseline, candidate);

        Assert.Equal(direct.Benchmarks.Select(b => (b.Benchmark, b.Verdict, b.Delta, b.Test)), fromFile.Benchmarks.Select(b => (b.Benchmark, b.Verdict, b.Delta, b.Test)));
        Assert.Equal(Verdict.Regressed, Mean(fromFile, 4).Verdict);
    }

    [Fact]
    public void The_same_run_twice_is_unchanged_at_every_level()
    {
        using var temp = new TempDirectory();
        var result = Compare(Run(temp.Path, "base").Run, Run(temp.Path, "again").Run);

        Assert.True(result.Passed);
        Assert.Equal([Verdict.Unchanged, Verdict.Unchanged], result.Benchmarks.Where(b => b.FewShot?.Kind == "mean").Select(b => b.Verdict));
        Assert.All(result.Benchmarks, b => Assert.Equal(Verdict.Unchanged, b.Verdict));
    }

    [Fact]
    public void A_shot_count_tolerance_applies_to_its_mean_and_its_trials()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base").Run;
        var candidate = Run(temp.Path, "cand", level: -0.04).Run;

        var result = Compare(baseline, candidate, new CompareOptions { Tolerance = TolerancePolicy.Parse(["coco.4shot=5"]) });

        Assert.Equal((Verdict.WithinTolerance, 5.0), (Mean(result, 4).Verdict, Mean(result, 4).Tolerance!.Value));
        Assert.All(result.Benchmarks.Where(b => b.FewShot is { Kind: "trial", Shots: 4 }), t => Assert.Equal(Verdict.WithinTolerance, t.Verdict));
        Assert.Equal(Verdict.Regressed, Mean(result, 0).Verdict); // auto
        Assert.Equal(Verdict.WithinTolerance, Mean(Compare(baseline, candidate, new CompareOptions { Tolerance = TolerancePolicy.Parse(["coco=5"]) }), 0).Verdict);
    }

    [Fact]
    public void Runs_with_other_seeds_are_compared_on_the_means_from_the_trials_spread()
    {
        using var temp = new TempDirectory();
        var (baseline, baseDir) = Run(temp.Path, "base");
        int[] otherSeeds = [4, 5, 6];
        var (candidate, candDir) = Run(temp.Path, "cand", seeds: otherSeeds);

        var result = Compare(baseline, candidate);

        var four = Mean(result, 4);
        Assert.Equal("trial-spread", four.Test);
        Assert.Equal(0, four.FewShot!.PairedTrials);
        var b = FewShotScenario.Seeds.Select(s => FewShotRunReaderTests.ScoreFile(baseDir, FewShotScenario.Key(4, s))).ToList();
        var c = otherSeeds.Select(s => FewShotRunReaderTests.ScoreFile(candDir, FewShotScenario.Key(4, s))).ToList();
        Assert.Equal(c.Average() - b.Average(), four.Delta!.Value, 9);
        Assert.Equal(Math.Sqrt(SampleVariance(b) / 3 + SampleVariance(c) / 3), four.StandardErrorOfDelta!.Value, 9);
        // trials of one run only: reported, but the shot count's mean stands for them ...
        var missing = result.Benchmarks.Single(x => x.Benchmark == FewShotScenario.Key(4, 1));
        Assert.Equal((Verdict.Missing, false), (missing.Verdict, missing.Fails));
        Assert.Contains("compared on its mean", missing.Notes.Last());
        Assert.Equal(Verdict.New, result.Benchmarks.Single(x => x.Benchmark == FewShotScenario.Key(4, 4)).Verdict);
        // ... except where the shot count is not complete in both runs (8 shots): then a missing trial fails as before
        Assert.True(result.Benchmarks.Single(x => x.Benchmark == FewShotScenario.Key(8, 1)).Fails);
    }

    [Fact]
    public void A_seed_free_trial_and_its_shot_counts_mean_are_both_rows()
    {
        using var temp = new TempDirectory();
        RunResult PlainZeroShot(string name)
        {
            string work = Path.Combine(temp.Path, name);
            var r = Cli.CliHarness.Run(new FewShot.StandInBaseModel(), "run", "coco", "--split", "sample", "--model", FewShot.StandInBaseModel.Id,
                "--shots", "0", "--plain-zero-shot", "--work-dir", work, "--quiet");
            Assert.True(r.ExitCode == XGenEval.Cli.Cli.ExitCodes.Ok, r.Error);
            var run = RunDirectoryReader.Read(RunDirectory.ResolveExisting(Path.Combine(work, FewShot.StandInBaseModel.Id)));
            ReportBuilder.Annotate([run], new UncertaintyCalculator());
            return run;
        }

        var result = Compare(PlainZeroShot("a"), PlainZeroShot("b"));

        // the trial's key is its shot count's key ("coco.0shot"): the mean comes first, then the trial
        Assert.Equal([("coco", "mean"), ("coco.0shot", "trial")], result.Benchmarks.Select(b => (b.Benchmark, b.FewShot!.Kind)));
        Assert.All(result.Benchmarks, b => Assert.Equal(Verdict.Unchanged, b.Verdict));
    }

    static double SampleVariance(IReadOnlyList<double> x) => x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Count - 1);

    [Fact]
    public void A_shot_count_not_complete_in_the_candidate_is_missing()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base").Run;
        var (_, candDir) = Run(temp.Path, "cand");
        RunManifestStore.Update(candDir, m => m.Benchmarks[FewShotScenario.Key(4, 3)].Status = "running");
        var candidate = RunDirectoryReader.Read(candDir);
        ReportBuilder.Annotate([candidate], new UncertaintyCalculator());

        var result = Compare(baseline, candidate);

        var four = Mean(result, 4);
        Assert.Equal(Verdict.Missing, four.Verdict);
        Assert.True(four.Fails);
        Assert.Contains("incomplete 2/3 trials", four.Notes[0]);
        Assert.True(Compare(baseline, candidate, new CompareOptions { AllowMissing = true }).Passed);
    }
}
