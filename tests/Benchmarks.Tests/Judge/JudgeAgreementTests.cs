using XGenEval.Benchmarks.Judge.Scoring;

namespace XGenEval.Benchmarks.Tests.Judge;

public class JudgeAgreementTests
{
    [Fact]
    public void FleissKappaOfTheTextbookExampleIs0210()
    {
        // Fleiss (1971) as tabulated on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters, 5 categories;
        // P = 0.378, Pe = 0.213, kappa = 0.210.
        int[][] table =
        [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ];
        var ratings = table.Select(row => (IReadOnlyList<string>)[.. row.SelectMany((count, category) => Enumerable.Repeat(category.ToString(), count))]).ToList();
        Assert.Equal(0.210, JudgeAgreement.FleissKappa(ratings), 3);
    }

    [Fact]
    public void PerfectAgreementIsKappaOneAndOneCategoryIsUndefined()
    {
        Assert.Equal(1.0, JudgeAgreement.FleissKappa([["A", "A"], ["B", "B"], ["Z", "Z"]]), 12);
        Assert.True(double.IsNaN(JudgeAgreement.FleissKappa([["A", "A"], ["A", "A"]])));
    }

    [Fact]
    public void StatisticsSeparateLabelsFromGrades()
    {
        var stats = JudgeAgreement.Compute(
        [
            (["A", "A", "A"], false),
            (["A", "B", "A"], false),
            (["0.5", "1.0", "0.5"], true),
        ]);
        Assert.Equal(3, stats.Items);
        Assert.Equal(100.0 / 3, stats.UnanimousPercent!.Value, 12);
        Assert.Equal(Math.Sqrt(2.0 / 9) / 2 * 1, stats.MeanGradeStd!.Value, 12); // std of {0.5, 1, 0.5}: sqrt(((1/6)^2*2 + (1/3)^2)/3)
        Assert.NotNull(stats.FleissKappa);
    }
}
