using XGenEval.Cli.Cli;
using XGenEval.Cli.Reports.Rendering;
using XGenEval.Cli.Runs;
using XGenEval.Cli.Tests.Cli;
using XGenEval.Cli.Tests.FewShot;

namespace XGenEval.Cli.Tests.Reports.EndToEnd;

/// <summary>`xgen-eval run --shots` then `xgen-eval report` on its work directory, as a user types them.</summary>
public class FewShotReportCommandTests
{
    [Fact]
    public void The_report_of_a_few_shot_run_has_one_column_per_shot_count_and_none_per_trial()
    {
        using var temp = new TempDirectory();
        var run = CliHarness.Run(new StandInBaseModel(), "run", "coco", "--split", "sample", "--model", StandInBaseModel.Id, "--shots", "0,4",
            "--seeds", "1,2,3", "--limit", "4", "--work-dir", temp.Path, "--feature-cache", Path.Combine(temp.Path, "features"), "--quiet");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        string runDirectory = RunDirectory.ResolveExisting(Path.Combine(temp.Path, StandInBaseModel.Id));

        var report = CliHarness.Run("report", temp.Path);

        Assert.Equal(ExitCodes.Ok, report.ExitCode);
        var lines = report.Out.Split('\n');
        string header = lines.First(l => l.StartsWith("| model | run |", StringComparison.Ordinal)); // the leaderboard comes first
        Assert.Equal("| model | run | coco sample 0-shot · CIDEr | coco sample 4-shot · CIDEr |", header);
        string row = lines[Array.IndexOf(lines, header) + 2];
        foreach (int shots in new[] { 0, 4 })
        {
            var scores = new[] { 1, 2, 3 }.Select(s => FewShotRunReaderTests.ScoreFile(runDirectory, $"coco.{shots}shot.seed{s}")).ToList();
            var (mean, std) = FewShotRunReaderTests.MeanAndPopulationStd(scores);
            Assert.Contains($"| {NumberText.Value(mean)} ± {NumberText.Value(std)} std (3 trials) |", row);
        }
        Assert.DoesNotContain("seed", header);
    }
}
