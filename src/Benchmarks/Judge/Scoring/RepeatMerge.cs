using XGenEval.Benchmarks.Abstractions;

namespace XGenEval.Benchmarks.Judge.Scoring;

/// <summary>
/// One report from the reports of repeated judging: every metric and every numeric table cell is the mean over the
/// repeats (for MM-Vet that is the official evaluator's mean over its <c>num_run</c> runs); the headline's population
/// standard deviation over the repeats and each repeat's headline are added; item scores are averaged; the counts,
/// the text cells and what was parsed are the first repeat's.
/// </summary>
public static class RepeatMerge
{
    public static ScoreReport Merge(IReadOnlyList<ScoreReport> reports)
    {
        var first = reports[0];
        var metrics = new Dictionary<string, double>();
        foreach (string key in first.Metrics.Keys)
            metrics[key] = reports.All(r => r.Metrics.ContainsKey(key)) ? reports.Average(r => r.Metrics[key]) : double.NaN;
        var headlines = reports.Select(r => r.Overall).ToList();
        metrics[first.PrimaryMetric + "_repeat_std"] = JudgeAgreement.PopulationStd(headlines);
        for (int i = 0; i < headlines.Count; i++) metrics[$"{first.PrimaryMetric}[repeat {i + 1}]"] = headlines[i];

        var notes = new List<string>(first.Notes)
        {
            $"judged {reports.Count} times: metrics and table cells are means over the repeats; counts and parsed answers are the first repeat's",
        };
        var tables = MergeTables(reports);
        if (tables is null)
        {
            tables = first.Tables;
            notes.Add("the repeats' tables differ in shape; the tables are the first repeat's");
        }
        var scores = reports.SelectMany(r => r.Items).GroupBy(i => i.Index).ToDictionary(g => g.Key, g => g.Average(i => i.Score));
        return first with
        {
            Metrics = metrics,
            Tables = tables,
            Items = [.. first.Items.Select(i => i with { Score = scores[i.Index] })],
            Notes = notes,
        };
    }

    /// <summary>Cell-wise means of numeric cells, when every repeat's tables have the same names, rows and text cells.</summary>
    static IReadOnlyList<MetricTable>? MergeTables(IReadOnlyList<ScoreReport> reports)
    {
        var first = reports[0].Tables;
        if (reports.Any(r => r.Tables.Count != first.Count)) return null;
        var merged = new List<MetricTable>();
        for (int t = 0; t < first.Count; t++)
        {
            var all = reports.Select(r => r.Tables[t]).ToList();
            if (all.Any(x => x.Name != first[t].Name || x.Rows.Count != first[t].Rows.Count)) return null;
            var rows = new List<IReadOnlyList<object?>>();
            for (int row = 0; row < first[t].Rows.Count; row++)
            {
                var cells = new object?[first[t].Rows[row].Count];
                for (int c = 0; c < cells.Length; c++)
                {
                    var values = all.Select(x => x.Rows[row].Count > c ? x.Rows[row][c] : null).ToList();
                    if (values.All(v => v is double)) cells[c] = values.Average(v => (double)v!);
                    else if (values.All(v => Equals(v, values[0]))) cells[c] = values[0];
                    else return null;
                }
                rows.Add(cells);
            }
            merged.Add(first[t] with { Rows = rows });
        }
        return merged;
    }
}
