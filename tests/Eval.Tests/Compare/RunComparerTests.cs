using XGenEval.Cli.Compare;
using XGenEval.Cli.Reports;
using XGenEval.Cli.Reports.Statistics;
using XGenEval.Cli.Tests.Reports;

namespace XGenEval.Cli.Tests.Compare;

/// <summary>compare's verdicts on constructed runs, written with the project's own writers.</summary>
public class RunComparerTests
{
    static RunResult Run(string workDirectory, string runId, params FixtureBenchmark[] benchmarks)
    {
        string dir = RunFixtures.WriteRun(workDirectory, "m", runId, benchmarks);
        var run = RunDirectoryReader.Read(dir);
        ReportBuilder.Annotate([run], new UncertaintyCalculator());
        return run;
    }

    static ComparisonResult Compare(RunResult baseline, RunResult candidate, CompareOptions? options = null) =>
        new RunComparer(options ?? new CompareOptions()).Compare(baseline, candidate);

    /// <summary>ai2d, 80 items: the first <paramref name="correct"/> right, then items flipped by index.</summary>
    static FixtureBenchmark Ai2d(int correct, int[]? lose = null, int[]? gain = null)
    {
        var items = FixtureItem.Binary(correct, 80);
        foreach (int i in lose ?? []) items[i] = items[i] with { Score = 0, Parsed = "B" };
        foreach (int i in gain ?? []) items[i] = items[i] with { Score = 1, Parsed = "A" };
        return new FixtureBenchmark("ai2d", "test", "accuracy", Benchmarks.Abstractions.Aggregation.Proportion,
            100.0 * items.Average(i => i.Score), items);
    }

    [Fact]
    public void A_real_regression_fails()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60));
        var candidate = Run(temp.Path, "cand", Ai2d(60, lose: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));

        var result = Compare(baseline, candidate);

        var ai2d = Assert.Single(result.Benchmarks);
        Assert.Equal(Verdict.Regressed, ai2d.Verdict);
        Assert.True(ai2d.Fails);
        Assert.False(result.Passed);
        Assert.Equal(-12.5, ai2d.Delta!.Value, 9);
        Assert.Equal("mcnemar-exact", ai2d.Test);
        Assert.Equal(2.0 / 1024, ai2d.PValue!.Value, 12);
        Assert.Equal((10, 0, 80), (ai2d.ItemsLost, ai2d.ItemsGained, ai2d.PairedItems));
        Assert.Equal(["q0", "q1"], ai2d.ChangedItems.Take(2).Select(i => i.Index));
        Assert.Equal(("A", "B"), (ai2d.ChangedItems[0].BaselineParsed, ai2d.ChangedItems[0].CandidateParsed));
        // SE of the paired difference: d has ten -1s and seventy 0s: sd = sqrt((10 - 80 * 0.125²) / 79)
        Assert.Equal(Math.Sqrt((10 - 80 * 0.125 * 0.125) / 79) / Math.Sqrt(80) * 100, ai2d.StandardErrorOfDelta!.Value, 9);
    }

    [Fact]
    public void Noise_within_tolerance_passes()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60));
        var candidate = Run(temp.Path, "cand", Ai2d(60, lose: [0, 1], gain: [70]));

        var ai2d = Assert.Single(Compare(baseline, candidate).Benchmarks);

        Assert.Equal(Verdict.WithinTolerance, ai2d.Verdict);
        Assert.False(ai2d.Fails);
        Assert.Equal(1.0, ai2d.PValue); // 2 lost, 1 gained
        Assert.Equal(3, ai2d.ChangedItems.Count);
    }

    [Fact]
    public void An_absolute_tolerance_replaces_the_test()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60));
        var candidate = Run(temp.Path, "cand", Ai2d(60, lose: [0, 1], gain: [70])); // -1.25 points

        Assert.Equal(Verdict.Regressed, Compare(baseline, candidate, new() { Tolerance = TolerancePolicy.Parse(["1"]) }).Benchmarks[0].Verdict);
        Assert.Equal(Verdict.WithinTolerance, Compare(baseline, candidate, new() { Tolerance = TolerancePolicy.Parse(["2"]) }).Benchmarks[0].Verdict);
        Assert.Equal(Verdict.WithinTolerance, Compare(baseline, candidate, new() { Tolerance = TolerancePolicy.Parse(["1", "ai2d=1.5"]) }).Benchmarks[0].Verdict);
    }

    [Fact]
    public void A_significant_gain_is_an_improvement_and_passes()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60));
        var candidate = Run(temp.Path, "cand", Ai2d(60, gain: [60, 61, 62, 63, 64, 65, 66, 67, 68, 69]));

        var result = Compare(baseline, candidate);

        Assert.Equal(Verdict.Improved, result.Benchmarks[0].Verdict);
        Assert.True(result.Passed);
        Assert.False(Compare(baseline, candidate, new() { FailOnChange = true }).Passed);
    }

    [Fact]
    public void A_new_benchmark_is_reported_and_passes()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60));
        var candidate = Run(temp.Path, "cand", Ai2d(60), ReportScenario.Pope());

        var result = Compare(baseline, candidate);

        var pope = result.Benchmarks.Single(b => b.Benchmark == "pope");
        Assert.Equal(Verdict.New, pope.Verdict);
        Assert.Equal(80.0, pope.Candidate);
        Assert.True(result.Passed);
        Assert.Equal(Verdict.Unchanged, result.Benchmarks.Single(b => b.Benchmark == "ai2d").Verdict);
    }

    [Fact]
    public void A_missing_benchmark_fails_unless_allowed()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60), ReportScenario.Mme());
        var candidate = Run(temp.Path, "cand", Ai2d(60));

        var result = Compare(baseline, candidate);

        var mme = result.Benchmarks.Single(b => b.Benchmark == "mme");
        Assert.Equal(Verdict.Missing, mme.Verdict);
        Assert.True(mme.Fails);
        Assert.False(result.Passed);
        Assert.True(Compare(baseline, candidate, new() { AllowMissing = true }).Passed);
    }

    [Fact]
    public void An_unfinished_benchmark_counts_as_missing()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60));
        var candidate = Run(temp.Path, "cand", Ai2d(60) with { Status = "waiting-for-shards" });

        var ai2d = Assert.Single(Compare(baseline, candidate).Benchmarks);

        Assert.Equal(Verdict.Missing, ai2d.Verdict);
        Assert.Contains("waiting-for-shards, 40/80", ai2d.Notes[0]);
    }

    [Fact]
    public void An_undefined_headline_cannot_be_compared_and_fails()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60));
        var candidate = Run(temp.Path, "cand", Ai2d(60));
        candidate.Benchmarks["ai2d"].Overall = null; // as POPE's official F1 without a true positive is written

        var ai2d = Assert.Single(Compare(baseline, candidate).Benchmarks);

        Assert.Equal(Verdict.Incomparable, ai2d.Verdict);
        Assert.True(ai2d.Fails);
        Assert.Contains("undefined (not a number) in the candidate", ai2d.Notes[0]);
    }

    [Fact]
    public void Another_split_cannot_be_compared_and_fails()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", ReportScenario.MmBench(15));
        var candidate = Run(temp.Path, "cand", ReportScenario.MmBench(15, split: "sample"));

        var mmbench = Assert.Single(Compare(baseline, candidate).Benchmarks);

        Assert.Equal(Verdict.Incomparable, mmbench.Verdict);
        Assert.True(mmbench.Fails);
    }

    [Fact]
    public void Circular_groups_are_compared_with_a_paired_bootstrap()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", ReportScenario.MmBench(15));
        var drop = Run(temp.Path, "drop", ReportScenario.MmBench(5));   // 10 groups lose a rotation
        var same = Run(temp.Path, "same", ReportScenario.MmBench(15));

        var regressed = Compare(baseline, drop).Benchmarks[0];
        Assert.Equal("paired-bootstrap", regressed.Test);
        Assert.Equal(-50, regressed.Delta!.Value, 9);
        Assert.True(regressed.PValue < 0.01);
        Assert.Equal(Verdict.Regressed, regressed.Verdict);
        Assert.Equal(10, regressed.ItemsLost);

        var unchanged = Compare(baseline, same).Benchmarks[0];
        Assert.Equal(Verdict.Unchanged, unchanged.Verdict);
        Assert.Equal(0, unchanged.StandardErrorOfDelta);
    }

    [Fact]
    public void Graded_items_get_the_sign_flip_test()
    {
        using var temp = new TempDirectory();
        FixtureBenchmark Vqa(double shift) => new("vqav2", "val", "accuracy", Benchmarks.Abstractions.Aggregation.Mean,
            100 * Enumerable.Range(0, 30).Average(i => Math.Min(1, i % 4 / 3.0 + (i < 10 ? shift : 0))),
            Enumerable.Range(0, 30).Select(i => new FixtureItem($"v{i}", Math.Min(1, i % 4 / 3.0 + (i < 10 ? shift : 0)))).ToList());

        var result = Compare(Run(temp.Path, "base", Vqa(0)), Run(temp.Path, "cand", Vqa(0)));
        Assert.Equal(Verdict.Unchanged, result.Benchmarks[0].Verdict);

        var lower = Compare(Run(temp.Path, "b2", Vqa(0.3)), Run(temp.Path, "c2", Vqa(0))).Benchmarks[0];
        Assert.Equal("sign-flip", lower.Test);
        Assert.True(lower.PValue < 0.01, $"p = {lower.PValue}");
        Assert.Equal(Verdict.Regressed, lower.Verdict);
    }

    [Fact]
    public void Without_items_the_standard_errors_are_combined()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60)).WithoutItems();
        var candidate = Run(temp.Path, "cand", Ai2d(50));

        var ai2d = Compare(baseline, candidate).Benchmarks[0];

        Assert.Equal("z", ai2d.Test);
        double seB = Math.Sqrt(0.75 * 0.25 / 80) * 100, seC = Math.Sqrt(0.625 * 0.375 / 80) * 100;
        Assert.Equal(Math.Sqrt(seB * seB + seC * seC), ai2d.StandardErrorOfDelta!.Value, 9);
        Assert.Equal(Verdict.WithinTolerance, ai2d.Verdict); // -12.5 < 1.96 * 7.37
    }

    [Fact]
    public void Answers_that_change_without_changing_a_score_fail_only_a_snapshot_comparison()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60));
        var items = FixtureItem.Binary(60, 80);
        items[70] = items[70] with { Parsed = "C" }; // still wrong, other answer
        var candidate = Run(temp.Path, "cand", new FixtureBenchmark("ai2d", "test", "accuracy", Benchmarks.Abstractions.Aggregation.Proportion, 75, items));

        var ai2d = Compare(baseline, candidate).Benchmarks[0];

        Assert.Equal(Verdict.Unchanged, ai2d.Verdict);
        Assert.Equal(1, ai2d.PredictionsChanged);
        Assert.Contains("item q70: \"B\" -> \"C\"", ai2d.Notes.Single());
        Assert.False(ai2d.Fails);
        var snapshot = Compare(baseline, candidate, new() { FailOnChange = true });
        Assert.False(snapshot.Passed);
        // The table says why an unchanged score fails: its answers changed.
        string markdown = CompareMarkdown.Render(snapshot, maxItems: 10);
        Assert.Contains("| score unchanged, 1 answer(s) changed ✗ |", markdown);
        Assert.Contains("**FAIL**: 1 with changed answers", markdown);
    }

    [Fact]
    public void Changed_data_or_prompts_are_noted()
    {
        using var temp = new TempDirectory();
        var baseline = Run(temp.Path, "base", Ai2d(60));
        var candidate = Run(temp.Path, "cand", Ai2d(60));
        candidate.Benchmarks["ai2d"].DatasetSha256 = "0000";

        Assert.Contains("the dataset files differ", Compare(baseline, candidate).Benchmarks[0].Notes);
    }
}
