namespace XGenEval.Benchmarks.FewShot;

/// <summary>
/// RICES (Retrieval-based In-Context Example Selection, Yang et al. 2022; OpenFlamingo's <c>rices.py</c>):
/// the demonstrations for an item are the pool items whose image features are most similar to the item's,
/// by cosine similarity of L2-normalised vectors, placed with the most similar last (nearest the query).
/// Similarities are summed in double in index order, so the result does not depend on threads or batches;
/// equal similarities are ordered by item id (ordinal), so ties are broken the same way everywhere.
/// </summary>
public static class RicesRanking
{
    /// <summary>A copy of <paramref name="vector"/> scaled to unit length (summed in double); a zero vector stays zero.</summary>
    public static float[] Normalize(ReadOnlySpan<float> vector)
    {
        double sum = 0;
        foreach (float x in vector) sum += (double)x * x;
        double norm = Math.Sqrt(sum);
        var result = new float[vector.Length];
        if (norm == 0) return result;
        for (int i = 0; i < vector.Length; i++) result[i] = (float)(vector[i] / norm);
        return result;
    }

    public static double Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"feature lengths differ ({a.Length} and {b.Length})");
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (double)a[i] * b[i];
        return sum;
    }

    /// <summary>The <paramref name="count"/> pool positions most similar to <paramref name="query"/>, least similar
    /// first and most similar last.</summary>
    /// <param name="query">The item's normalised features.</param>
    /// <param name="pool">Each pool item's id and normalised features, addressed by position.</param>
    public static int[] Choose(ReadOnlySpan<float> query, IReadOnlyList<(string Id, float[] Features)> pool, int count)
    {
        if (count > pool.Count)
            throw new Core.Errors.UsageException($"{count} demonstrations cannot be chosen from a query set of {pool.Count}; lower --shots or raise --query-set-size");
        if (count == 0) return [];
        // The best `count` so far, most similar first: one pass over the pool, no full sort (pools can be the
        // whole train split).
        var best = new List<(double Similarity, int Position)>(count + 1);
        for (int p = 0; p < pool.Count; p++)
        {
            var candidate = (Similarity(query, pool[p].Features), p);
            if (best.Count == count && !Before(candidate, best[^1], pool)) continue;
            int at = best.Count;
            while (at > 0 && Before(candidate, best[at - 1], pool)) at--;
            best.Insert(at, candidate);
            if (best.Count > count) best.RemoveAt(count);
        }
        var positions = best.Select(b => b.Position).ToArray();
        Array.Reverse(positions);
        return positions;
    }

    /// <summary>More similar, or as similar and of smaller id.</summary>
    static bool Before((double Similarity, int Position) a, (double Similarity, int Position) b, IReadOnlyList<(string Id, float[] Features)> pool) =>
        a.Similarity > b.Similarity || (a.Similarity == b.Similarity && string.CompareOrdinal(pool[a.Position].Id, pool[b.Position].Id) < 0);
}
