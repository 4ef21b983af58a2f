namespace XGenEval.Benchmarks.Judge.Scoring;

/// <summary>How much repeated judging of the same items agrees (<c>--judge-repeats N</c>).</summary>
/// <param name="Items">Items judged in every repeat.</param>
/// <param name="UnanimousPercent">Share of those items on which every repeat gave the same verdict, in %.</param>
/// <param name="FleissKappa">Fleiss' kappa over the categorical verdicts (null when there are none, or when all
/// verdicts fall in one category and kappa is undefined).</param>
/// <param name="MeanGradeStd">Mean over graded items of the population standard deviation of their grades (null when
/// nothing is graded).</param>
public sealed record JudgeAgreementStats(int Items, double? UnanimousPercent, double? FleissKappa, double? MeanGradeStd);

public static class JudgeAgreement
{
    /// <summary>
    /// Fleiss' kappa for subjects each rated by the same number n &gt;= 2 of raters into categories:
    /// P_i = (sum_j n_ij^2 - n) / (n (n - 1)), P = mean P_i, p_j = sum_i n_ij / (N n), Pe = sum_j p_j^2,
    /// kappa = (P - Pe) / (1 - Pe); NaN when Pe = 1 (everyone always chose the same category).
    /// </summary>
    public static double FleissKappa(IReadOnlyList<IReadOnlyList<string>> ratings)
    {
        if (ratings.Count == 0) return double.NaN;
        int n = ratings[0].Count;
        if (n < 2 || ratings.Any(r => r.Count != n)) throw new ArgumentException("every subject needs the same number (at least 2) of ratings", nameof(ratings));
        var categoryTotals = new Dictionary<string, int>(StringComparer.Ordinal);
        double sumP = 0;
        foreach (var subject in ratings)
        {
            var counts = subject.GroupBy(x => x, StringComparer.Ordinal).Select(g => (g.Key, Count: g.Count())).ToList();
            sumP += (counts.Sum(c => (double)c.Count * c.Count) - n) / (n * (n - 1.0));
            foreach (var (category, count) in counts) categoryTotals[category] = categoryTotals.GetValueOrDefault(category) + count;
        }
        double pBar = sumP / ratings.Count;
        double total = (double)ratings.Count * n;
        double pe = categoryTotals.Values.Sum(c => (c / total) * (c / total));
        return pe >= 1 ? double.NaN : (pBar - pe) / (1 - pe);
    }

    /// <summary>Population standard deviation (numpy's default, as MM-Vet's evaluator reports over its runs).</summary>
    public static double PopulationStd(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>The statistics for verdicts per item, one per repeat; grades are numbers, anything else a category.</summary>
    public static JudgeAgreementStats Compute(IReadOnlyList<(IReadOnlyList<string> Verdicts, bool Graded)> items)
    {
        if (items.Count == 0) return new JudgeAgreementStats(0, null, null, null);
        double unanimous = items.Count(i => i.Verdicts.Distinct(StringComparer.Ordinal).Count() == 1) * 100.0 / items.Count;
        var categorical = items.Where(i => !i.Graded).Select(i => i.Verdicts).ToList();
        double? kappa = categorical.Count > 0 && FleissKappa(categorical) is var k && !double.IsNaN(k) ? k : null;
        var stds = items.Where(i => i.Graded)
            .Select(i => i.Verdicts.Select(v => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double g) ? g : double.NaN).ToList())
            .Where(g => g.All(double.IsFinite))
            .Select(PopulationStd).ToList();
        return new JudgeAgreementStats(items.Count, unanimous, kappa, stds.Count > 0 ? stds.Average() : null);
    }
}
