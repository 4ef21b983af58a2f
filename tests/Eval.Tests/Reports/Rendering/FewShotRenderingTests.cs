using System.Globalization;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using CsvHelper;
using XGenEval.Cli.Reports;
using XGenEval.Cli.Reports.Published;
using XGenEval.Cli.Reports.Rendering;
using XGenEval.Cli.Reports.Statistics;

namespace XGenEval.Cli.Tests.Reports.Rendering;

/// <summary>The few-shot scenario (<see cref="FewShotScenario"/>) in every rendering: one column per shot count with
/// the mean, the std across trials and the trial count; the trials in the detail and machine-readable outputs.</summary>
public sealed class FewShotRenderingTests : IDisposable
{
    readonly TempDirectory temp = new();
    readonly string run;
    readonly ReportModel report;

    public FewShotRenderingTests()
    {
        run = FewShotScenario.Write(temp.Path);
        var runs = ReportInputs.Load([temp.Path], allRuns: false);
        report = new ReportBuilder(new UncertaintyCalculator(), new LeaderboardBuilder(new PublishedMatcher(PublishedScores.Shipped()), PublishedRows.Matched))
            .Build(runs, "Few-shot report", new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero), new HarnessRecord { Version = "0.1.0+test" });
    }

    public void Dispose() => temp.Dispose();

    List<double> TrialScores(int shots) => FewShotScenario.Seeds.Select(s => FewShotRunReaderTests.ScoreFile(run, FewShotScenario.Key(shots, s))).ToList();

    (double Mean, double Std) Expected(int shots) => FewShotRunReaderTests.MeanAndPopulationStd(TrialScores(shots));

    [Fact]
    public void Markdown_has_a_column_per_shot_count_with_mean_std_and_trials()
    {
        var lines = MarkdownReport.Render(report).Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("| model | run |", StringComparison.Ordinal));

        Assert.Equal("| model | run | coco karpathy-test 0-shot · CIDEr | coco karpathy-test 4-shot · CIDEr | coco karpathy-test 8-shot · CIDEr |", lines[header]);
        var (mean, std) = Expected(4);
        var (mean0, std0) = Expected(0);
        Assert.Equal($"| {FewShotScenario.Model} | T20250310-080000 | {NumberText.Value(mean0)} ± {NumberText.Value(std0)} std (3 trials) | " +
                     $"{NumberText.Value(mean)} ± {NumberText.Value(std)} std (3 trials) | incomplete 1/3 trials |", lines[header + 2]);
        Assert.Equal("| *xgen-mm-phi3-mini-base-r-v1.5 (model card, 4-shot)* (confirmed) | published |  | *107.6* |  |",
            lines.Single(l => l.Contains("(model card, 4-shot)*", StringComparison.Ordinal)));
        string md = string.Join('\n', lines);
        Assert.DoesNotContain("seed1 ", lines[header]);
        Assert.Contains("not a confidence interval", md);
    }

    [Fact]
    public void Markdown_details_list_each_shot_count_and_trial()
    {
        string md = MarkdownReport.Render(report);
        var scores = TrialScores(4);

        Assert.Contains("| model | run | shots | demonstrations | metric | mean | std | trials |", md);
        Assert.Contains($"| 4 | random | CIDEr | {NumberText.Value(Expected(4).Mean)} | {NumberText.Value(Expected(4).Std)} | 3/3 |", md);
        Assert.Contains("| 0 | 2 text-only, random | CIDEr |", md);
        Assert.Contains("| 8 | random | CIDEr |  |  | incomplete 1/3 trials |", md);
        Assert.Contains("| xgen-mm-phi3-mini-base-r-v1.5 (model card, 4-shot) | COCO | 4-shot · CIDEr | 107.6 | confirmed |", md);
        for (int t = 0; t < 3; t++)
            Assert.Contains($"| 4 | coco.4shot.seed{FewShotScenario.Seeds[t]} | {FewShotScenario.Seeds[t]} | complete | {NumberText.Value(scores[t])} | [", md);
        Assert.Contains("| 8 | coco.8shot.seed2 | 2 | running |  |  |  |", md);
        Assert.Contains("| 8 | coco.8shot.seed3 | 3 | pending |  |  |  |", md);
        string gaps = md.Split("### Gap to published numbers")[1].Split("## Benchmarks")[0];
        Assert.Contains($"| {NumberText.Signed(Expected(4).Mean - 107.6)} (vs 107.6, model card, 4-shot) |", gaps);
        Assert.Contains($"| {NumberText.Signed(Expected(0).Mean - 67.2)} (vs 67.20, model card, 0-shot) |", gaps);
    }

    [Fact]
    public void Html_shows_the_spread_under_the_mean_and_sorts_on_the_mean()
    {
        var doc = new HtmlParser().ParseDocument(HtmlReport.Render(report));
        var table = doc.QuerySelector("#leaderboard-table")!;

        Assert.Equal(["model", "run", "coco.karpathy-test.0shot.CIDEr", "coco.karpathy-test.4shot.CIDEr", "coco.karpathy-test.8shot.CIDEr"],
            table.QuerySelectorAll("thead th").Select(th => th.GetAttribute("data-col")));
        var cells = table.QuerySelectorAll("tbody tr.measured td");
        var (mean, std) = Expected(4);
        Assert.Equal(mean, double.Parse(cells[3].GetAttribute("data-value")!, CultureInfo.InvariantCulture), 12);
        Assert.Equal($"± {NumberText.Value(std)} std (3 trials)", cells[3].QuerySelector(".std")!.TextContent);
        Assert.Null(cells[3].QuerySelector(".ci"));
        Assert.Equal("incomplete 1/3 trials", cells[4].QuerySelector(".state")!.TextContent);
        // every planned trial of 0, 4 and 8 shots, the 8-shot one that never started included
        var trials = doc.QuerySelectorAll("#benchmarks table.trials tbody tr").Select(tr => tr.QuerySelectorAll("td")[3].TextContent).ToList();
        Assert.Equal([.. FewShotScenario.Shots.SelectMany(k => FewShotScenario.Seeds.Select(s => FewShotScenario.Key(k, s)))], trials);
        Assert.Contains("not a confidence interval", doc.QuerySelector("#method")!.TextContent);
    }

    [Fact]
    public void Csv_carries_mean_std_trial_counts_and_every_trial()
    {
        using var reader = CsvReader.FromText(CsvReport.Render(report), new CsvReaderOptions { Separator = ',', HasHeader = true });
        reader.ReadHeader();
        var names = reader.Headers.ToArray();
        Assert.Equal(CsvReport.Header, names);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(names.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));

        var four = rows.Single(r => r["row_kind"] == "measured" && r["shots"] == "4");
        var (mean, std) = Expected(4);
        Assert.Equal(mean, double.Parse(four["value"], CultureInfo.InvariantCulture), 12);
        Assert.Equal(std, double.Parse(four["std"], CultureInfo.InvariantCulture), 12);
        Assert.Equal(("3", "3", ""), (four["trials"], four["complete_trials"], four["se"]));
        Assert.Equal("107.6", four["published_value"]);
        Assert.NotEqual("", four["finished_at"]); // when its last trial finished
        var trials = rows.Where(r => r["row_kind"] == "trial" && r["shots"] == "4").ToList();
        Assert.Equal(["1", "2", "3"], trials.Select(t => t["seed"]));
        Assert.Equal(TrialScores(4), trials.Select(t => double.Parse(t["value"], CultureInfo.InvariantCulture)));
        Assert.All(trials, t => Assert.NotEqual("", t["ci_low"]));
        var eight = rows.Single(r => r["row_kind"] == "measured" && r["shots"] == "8");
        Assert.Equal(("", "incomplete 1/3 trials", "3", "1", ""), (eight["value"], eight["state"], eight["trials"], eight["complete_trials"], eight["finished_at"]));
        Assert.Equal(["", "running", "pending"], rows.Where(r => r["row_kind"] == "trial" && r["shots"] == "8").Select(t => t["state"]));
        Assert.Equal("4", rows.Single(r => r["row_kind"] == "published" && r["setting"] == "model card, 4-shot")["shots"]);
    }

    [Fact]
    public void Json_carries_each_shot_count_and_reads_back_to_the_same_leaderboard()
    {
        string path = Path.Combine(temp.Path, "report.json");
        File.WriteAllText(path, ResultsJson.Serialize(JsonReport.Build(report, includeItems: false)));
        var json = JsonNode.Parse(File.ReadAllText(path))!;

        var four = json["runs"]![0]!["few_shot"]!.AsArray().Single(f => (int)f!["shots"]! == 4)!;
        var (mean, std) = Expected(4);
        Assert.Equal(mean, (double)four["mean"]!, 12);
        Assert.Equal(std, (double)four["std"]!, 12);
        Assert.Equal((3, true), ((int)four["complete_trials"]!, (bool)four["complete"]!));
        Assert.Equal(TrialScores(4), four["trials"]!.AsArray().Select(t => (double)t!["score"]!));
        Assert.Equal([1, 2, 3], four["trials"]!.AsArray().Select(t => (int)t!["seed"]!));
        var eight = json["runs"]![0]!["few_shot"]!.AsArray().Single(f => (int)f!["shots"]! == 8)!;
        Assert.Equal((JsonNode?)null, eight["mean"]);
        Assert.False((bool)eight["complete"]!);
        var published = json["published"]!.AsArray().Single(p => (int)p!["shots"]! == 4)!;
        Assert.Equal(mean - 107.6, (double)published["measured"]![0]!["gap"]!, 9);

        var back = ReportInputs.Load([path], allRuns: false);
        var board = new LeaderboardBuilder(new PublishedMatcher(PublishedScores.Shipped()), PublishedRows.Matched).Build(back);
        Assert.Equal(report.Leaderboard.Columns, board.Columns);
        Assert.Equal(report.Leaderboard.Measured.Single().Cells.Select(c => (c.Value, c.State)), board.Measured.Single().Cells.Select(c => (c.Value, c.State)));
    }
}
