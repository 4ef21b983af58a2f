using XGenEval.Cli.Reports.Published;

namespace XGenEval.Cli.Reports;

/// <summary>One column of the leaderboard: a metric of a benchmark split. The primary metric's column
/// carries confidence intervals; the others are the sub-scores the model cards print (MME-P, MME-C).
/// A few-shot column (<paramref name="FewShot"/>) holds one shot count's mean over its trials.</summary>
public sealed record LeaderboardColumn(string Benchmark, string Split, string Metric, bool IsPrimary, ShotSetting? FewShot = null)
{
    /// <summary>A stable id for links and sorting: "mme.default.perception", "coco.karpathy-test.4shot.CIDEr".</summary>
    public string Id => FewShot is null ? $"{Benchmark}.{Split}.{Metric}" : $"{Benchmark}.{Split}.{FewShot.Key}.{Metric}";

    public string Title => $"{Benchmark} ({Split})";

    /// <summary>In-context examples behind the column's numbers: a plain run counts as zero-shot.</summary>
    public int Shots => FewShot?.Shots ?? 0;

    /// <summary>Published rows give randomly drawn demonstrations (the cards' protocol): RICES columns match none.</summary>
    public bool HasPublishedCounterparts => FewShot is not { Rices: true };
}

/// <summary>A value in the leaderboard, with what is known about it.</summary>
/// <param name="Uncertainty">Only for primary-metric cells of measured rows.</param>
/// <param name="State">For a benchmark that is not scored in that run: its status ("running 40/100").</param>
/// <param name="Reference">In a measured row: the published number for the same model and setting, if any.
/// In a published row: the published number the cell shows (<paramref name="IsPublished"/>).</param>
/// <param name="Trials">In a few-shot column of a measured row: the shot count's trials; <paramref name="Value"/>
/// is their mean (null while some trial is not scored).</param>
public sealed record LeaderboardCell(double? Value, Uncertainty? Uncertainty = null, string? State = null,
    PublishedReference? Reference = null, bool IsPublished = false, FewShotResult? Trials = null)
{
    public static LeaderboardCell Empty { get; } = new((double?)null);

    /// <summary>Measured minus published (measured cells only).</summary>
    public double? Gap => !IsPublished && Value is double v && Reference is not null ? v - Reference.Score.Value : null;
}

public sealed record PublishedReference(PublishedModel Model, PublishedScore Score);

/// <summary>A row: a measured run or a published model entry.</summary>
public sealed record LeaderboardRow(string Label, RunResult? Run, PublishedModel? Published, IReadOnlyList<LeaderboardCell> Cells)
{
    public bool IsPublished => Published is not null;

    /// <summary>The label without the model's organisation ("xgen-mm-phi3-mini-instruct-r-v1"), for charts.</summary>
    public string ShortLabel => Run is null ? Label : Label.Replace(Run.Model.Id, Run.Model.Id[(Run.Model.Id.TrimEnd('/').LastIndexOf('/') + 1)..]);
}

public sealed record Leaderboard(IReadOnlyList<LeaderboardColumn> Columns, IReadOnlyList<LeaderboardRow> Rows)
{
    public IEnumerable<LeaderboardRow> Measured => Rows.Where(r => !r.IsPublished);
    public IEnumerable<LeaderboardRow> PublishedRows => Rows.Where(r => r.IsPublished);

    /// <summary>Columns grouped by benchmark split, in column order.</summary>
    public IEnumerable<IGrouping<(string Benchmark, string Split), LeaderboardColumn>> Benchmarks =>
        Columns.GroupBy(c => (c.Benchmark, c.Split));
}
