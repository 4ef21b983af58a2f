using XGenEval.Benchmarks.FewShot;

namespace XGenEval.Benchmarks.Tests.FewShot;

public class TrialStatisticsTests
{
    [Fact]
    public void PopulationStandardDeviationOverTheFiniteScores()
    {
        // numpy: np.nanmean([1, 2, 3, 4, nan]) = 2.5, np.nanstd(...) = sqrt(1.25) (divisor n, not n - 1).
        var s = TrialStatistics.Of([1, 2, 3, 4, double.NaN]);
        Assert.Equal(2.5, s.Mean, 12);
        Assert.Equal(Math.Sqrt(1.25), s.StdDev, 12);
        Assert.Equal(4, s.Trials);
    }

    [Fact]
    public void OneTrialHasNoSpreadAndNoneHasNoMean()
    {
        Assert.Equal((80.5, 0.0, 1), (TrialStatistics.Of([80.5]).Mean, TrialStatistics.Of([80.5]).StdDev, TrialStatistics.Of([80.5]).Trials));
        var none = TrialStatistics.Of([double.NaN]);
        Assert.True(double.IsNaN(none.Mean) && double.IsNaN(none.StdDev));
        Assert.Equal(0, none.Trials);
    }
}
