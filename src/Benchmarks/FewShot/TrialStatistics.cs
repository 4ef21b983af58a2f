namespace XGenEval.Benchmarks.FewShot;

/// <summary>Mean and spread of one shot count's trial scores.</summary>
/// <param name="Mean">Mean of the finite scores (numpy's <c>nanmean</c>).</param>
/// <param name="StdDev">Population standard deviation of the finite scores, divisor n (numpy's <c>nanstd</c>
/// with its default ddof=0, as OpenFlamingo reports it); 0 for one trial, NaN for none.</param>
/// <param name="Trials">How many finite scores went in.</param>
public sealed record TrialStatistics(double Mean, double StdDev, int Trials)
{
    public const string StdDevKind = "population (numpy nanstd, ddof=0)";

    public static TrialStatistics Of(IEnumerable<double> scores)
    {
        var finite = scores.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return new TrialStatistics(double.NaN, double.NaN, 0);
        double mean = finite.Sum() / finite.Count;
        double squares = finite.Sum(x => (x - mean) * (x - mean));
        return new TrialStatistics(mean, Math.Sqrt(squares / finite.Count), finite.Count);
    }
}
