namespace XGenEval.Cli.Reports.Rendering;

/// <summary>The report as a <see cref="ResultsDocument"/>: the runs (per-item scores only when asked for; a
/// few-shot run with its shot counts' means, stds and trial scores in <c>few_shot</c>) and the published numbers
/// shown, each with the gaps of the runs it matched.</summary>
public static class JsonReport
{
    public static ResultsDocument Build(ReportModel report, bool includeItems)
    {
        var document = new ResultsDocument
        {
            GeneratedAt = report.GeneratedAt,
            Generator = report.Generator,
            Statistics = report.Statistics,
            Runs = report.Runs.Select(r => includeItems ? r : r.WithoutItems()).ToList(),
            Published = [],
        };
        var board = report.Leaderboard;
        foreach (var row in board.PublishedRows)
            foreach (var (column, cell) in board.Columns.Zip(row.Cells))
            {
                if (cell.Reference is not { } reference) continue;
                var measured = board.Measured
                    .Select(m => (Row: m, Cell: m.Cells[board.Columns.ToList().IndexOf(column)]))
                    .Where(m => m.Cell.Reference?.Score == reference.Score && m.Cell.Gap is not null)
                    .Select(m => new PublishedGap { RunId = m.Row.Run!.RunId, Value = m.Cell.Value!.Value, Gap = m.Cell.Gap!.Value })
                    .ToList();
                document.Published.Add(new PublishedRow
                {
                    Model = reference.Model.Model, Setting = reference.Model.Setting, Shots = reference.Model.Shots, Benchmark = column.Benchmark, Split = column.Split,
                    Metric = column.Metric, CardLabel = reference.Score.CardLabel, Value = reference.Score.Value,
                    Status = reference.Model.Status, Source = reference.Model.Source, Measured = measured,
                });
            }
        return document;
    }
}
