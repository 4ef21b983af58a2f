namespace XGenEval.Benchmarks.FewShot;

/// <summary>
/// Random demonstrations for one evaluation item, a pure function of (seed, item id, shot count): the first
/// <c>count</c> steps of a Fisher–Yates shuffle of the query-set positions 0..n−1, driven by
/// <c>FewShotRandom.Stream("demos", seed, item id, shots)</c>. Step i swaps position i with
/// <c>i + NextBelow(n − i)</c> and takes what lands at i, so the demonstrations are distinct and come in draw
/// order, like Python's <c>random.sample</c> (which OpenFlamingo calls per item).
/// </summary>
public static class RandomDemonstrations
{
    /// <param name="shots">The shot count the trial is for (0 for OpenFlamingo's text-only zero-shot, which still
    /// draws two): part of the key, so 4-shot and 8-shot demonstrations are drawn independently.</param>
    /// <param name="count">How many demonstrations to draw.</param>
    /// <param name="poolSize">The query set's size n.</param>
    /// <returns>Positions in the query set, in prompt order.</returns>
    public static int[] Choose(int seed, string itemId, int shots, int count, int poolSize)
    {
        if (count > poolSize)
            throw new Core.Errors.UsageException($"{count} demonstrations cannot be drawn from a query set of {poolSize}; lower --shots or raise --query-set-size");
        var stream = FewShotRandom.Stream("demos", seed, itemId, shots);
        // A sparse Fisher–Yates: only the swapped positions are stored, so a 100k pool costs nothing.
        var swapped = new Dictionary<int, int>();
        int At(int i) => swapped.TryGetValue(i, out int v) ? v : i;
        var chosen = new int[count];
        for (int i = 0; i < count; i++)
        {
            int j = i + stream.NextBelow(poolSize - i);
            int atJ = At(j);
            swapped[j] = At(i);
            swapped[i] = atJ;
            chosen[i] = atJ;
        }
        return chosen;
    }
}
