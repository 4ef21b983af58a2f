using XGenEval.Cli.Reports;
using XGenEval.Cli.Reports.Published;
using XGenEval.Cli.Reports.Statistics;

namespace XGenEval.Cli.Tests.Reports;

/// <summary>The leaderboard of a few-shot run: one column per shot count holding the mean over its trials, matched
/// to the model card's number for as many shots.</summary>
public class FewShotLeaderboardTests
{
    static Leaderboard Build(string workDirectory, PublishedRows rows = PublishedRows.Matched)
    {
        var runs = ReportInputs.Load([workDirectory], allRuns: true);
        ReportBuilder.Annotate(runs, new UncertaintyCalculator());
        return new LeaderboardBuilder(new PublishedMatcher(PublishedScores.Shipped()), rows).Build(runs);
    }

    static int Column(Leaderboard board, string id) => board.Columns.ToList().FindIndex(c => c.Id == id);

    static (double Mean, double Std) Expected(string runDirectory, int shots) =>
        FewShotRunReaderTests.MeanAndPopulationStd(FewShotScenario.Seeds.Select(s => FewShotRunReaderTests.ScoreFile(runDirectory, FewShotScenario.Key(shots, s))).ToList());

    [Fact]
    public void Trials_are_not_columns_each_shot_count_is_one()
    {
        using var temp = new TempDirectory();
        FewShotScenario.Write(temp.Path);

        var board = Build(temp.Path);

        Assert.Equal(["coco.karpathy-test.0shot.CIDEr", "coco.karpathy-test.4shot.CIDEr", "coco.karpathy-test.8shot.CIDEr"], board.Columns.Select(c => c.Id));
        Assert.Equal(["coco karpathy-test 0-shot · CIDEr", "coco karpathy-test 4-shot · CIDEr", "coco karpathy-test 8-shot · CIDEr"], board.Columns.Select(ReportModel.ColumnLabel));
        Assert.All(board.Columns, c => Assert.True(c.IsPrimary));
    }

    [Fact]
    public void A_shot_count_cell_is_the_mean_and_population_std_of_its_trials()
    {
        using var temp = new TempDirectory();
        string run = FewShotScenario.Write(temp.Path);

        var row = Build(temp.Path).Measured.Single();

        foreach (var (shots, cell) in new[] { (0, row.Cells[0]), (4, row.Cells[1]) })
        {
            var (mean, std) = Expected(run, shots);
            Assert.Equal(mean, cell.Value!.Value, 9);
            Assert.Equal(std, cell.Trials!.Std!.Value, 9);
            Assert.True(std > 0);
            Assert.Equal(3, cell.Trials.CompleteTrials);
            Assert.Null(cell.Uncertainty); // a spread across trials, not a confidence interval
        }
    }

    [Fact]
    public void The_published_k_shot_row_is_matched_to_the_k_shot_column()
    {
        using var temp = new TempDirectory();
        string run = FewShotScenario.Write(temp.Path);

        var board = Build(temp.Path);
        var measured = board.Measured.Single();

        Assert.Equal((4, 107.6), (measured.Cells[1].Reference!.Model.Shots, measured.Cells[1].Reference!.Score.Value));
        Assert.Equal(Expected(run, 4).Mean - 107.6, measured.Cells[1].Gap!.Value, 9);
        Assert.Equal((0, 67.2), (measured.Cells[0].Reference!.Model.Shots, measured.Cells[0].Reference!.Score.Value));
        Assert.Equal(Expected(run, 0).Mean - 67.2, measured.Cells[0].Gap!.Value, 9);
        // Each of the card's rows fills only the column with its own number of shots.
        var published = board.PublishedRows.ToDictionary(r => r.Published!.Shots, r => r.Cells.Select(c => c.Value).ToList());
        Assert.Equal([67.2, null, null], published[0]);
        Assert.Equal([null, 107.6, null], published[4]);
        Assert.Equal([null, null, 109.8], published[8]);
        Assert.Equal("xgen-mm-phi3-mini-base-r-v1.5 (model card, 4-shot)", board.PublishedRows.Single(r => r.Published!.Shots == 4).Label);
    }

    [Fact]
    public void An_incomplete_shot_count_is_marked_and_not_averaged()
    {
        using var temp = new TempDirectory();
        FewShotScenario.Write(temp.Path);

        var eight = Build(temp.Path).Measured.Single().Cells[2];

        Assert.Null(eight.Value);
        Assert.Equal("incomplete 1/3 trials", eight.State);
        Assert.Null(eight.Gap);
        Assert.False(eight.Trials!.Complete);
    }

    [Fact]
    public void A_plain_run_beside_a_few_shot_run_keeps_its_column_and_counts_as_zero_shot()
    {
        using var temp = new TempDirectory();
        FewShotScenario.Write(temp.Path);
        var plain = new FixtureBenchmark("coco", FewShotScenario.Split, "CIDEr", Benchmarks.Abstractions.Aggregation.Corpus, 70,
            Enumerable.Range(0, 10).Select(i => new FixtureItem($"img{i}", 0.7)).ToList());
        RunFixtures.WriteRun(temp.Path, FewShotScenario.Model, "T20250311-080000", plain);

        var board = Build(temp.Path);

        Assert.Equal(["coco.karpathy-test.CIDEr", "coco.karpathy-test.0shot.CIDEr", "coco.karpathy-test.4shot.CIDEr", "coco.karpathy-test.8shot.CIDEr"],
            board.Columns.Select(c => c.Id));
        var plainRow = board.Measured.Single(r => r.Run!.RunId == "T20250311-080000");
        Assert.Equal([70.0, null, null, null], plainRow.Cells.Select(c => c.Value));
        Assert.Equal(70 - 67.2, plainRow.Cells[0].Gap!.Value, 9);
        Assert.Null(board.PublishedRows.Single(r => r.Published!.Shots == 4).Cells[0].Value);
        Assert.Null(board.Measured.Single(r => r.Run!.RunId != "T20250311-080000").Cells[0].Value);
    }

    [Fact]
    public void Rices_shot_counts_are_columns_of_their_own_that_no_published_row_matches()
    {
        using var temp = new TempDirectory();
        FewShotScenario.Write(temp.Path, selection: "rices");

        var board = Build(temp.Path);

        Assert.Equal(["coco.karpathy-test.0shot.rices.CIDEr", "coco.karpathy-test.4shot.rices.CIDEr", "coco.karpathy-test.8shot.rices.CIDEr"], board.Columns.Select(c => c.Id));
        Assert.Equal("coco karpathy-test 4-shot RICES · CIDEr", ReportModel.ColumnLabel(board.Columns[1]));
        Assert.NotNull(board.Measured.Single().Cells[1].Value);
        Assert.All(board.Measured.Single().Cells, c => Assert.Null(c.Reference));
        Assert.Empty(board.PublishedRows);
    }
}
