using XGenEval.Benchmarks.FewShot;

namespace XGenEval.Benchmarks.Tests.FewShot;

public class RicesRankingTests
{
    /// <summary>Unit vectors at known angles from the x axis: similarity to a query on the x axis is cos(angle).</summary>
    static (string Id, float[] Features) At(string id, double degrees) =>
        (id, [(float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180)]);

    [Fact]
    public void PicksTheNearestAndPutsTheMostSimilarLast()
    {
        var pool = new[] { At("far", 170), At("near", 10), At("nearest", 2), At("mid", 60), At("close", 30) };
        float[] query = [1, 0];
        Assert.Equal(["close", "near", "nearest"], RicesRanking.Choose(query, pool, 3).Select(p => pool[p].Id));
        Assert.Equal(["nearest"], RicesRanking.Choose(query, pool, 1).Select(p => pool[p].Id));
        Assert.Equal(["far", "mid", "close", "near", "nearest"], RicesRanking.Choose(query, pool, 5).Select(p => pool[p].Id));
    }

    [Fact]
    public void EqualSimilaritiesAreOrderedByIdWhateverThePoolOrder()
    {
        // b and a are equally similar (mirror images about the query); the smaller id counts as more similar.
        var pool = new[] { At("b", 20), At("x", 90), At("a", -20) };
        var reversed = pool.Reverse().ToArray();
        float[] query = [1, 0];
        Assert.Equal(["b", "a"], RicesRanking.Choose(query, pool, 2).Select(p => pool[p].Id));
        Assert.Equal(["b", "a"], RicesRanking.Choose(query, reversed, 2).Select(p => reversed[p].Id));
    }

    [Fact]
    public void TheOnePassSelectionAgreesWithSortingThePool()
    {
        // Features from a few coarse values, so that many similarities tie exactly.
        var random = new Random(3);
        var pool = Enumerable.Range(0, 300)
            .Select(i => ($"item{random.Next(1000):D4}-{i}", RicesRanking.Normalize([random.Next(3), random.Next(3), random.Next(3) - 1])))
            .ToList();
        for (int q = 0; q < 20; q++)
        {
            float[] query = RicesRanking.Normalize([random.Next(3), random.Next(3), 1]);
            foreach (int k in new[] { 0, 1, 4, 32, 300 })
            {
                var sorted = pool.Select((p, i) => (Similarity: RicesRanking.Similarity(query, p.Item2), Id: p.Item1, Position: i))
                    .OrderByDescending(x => x.Similarity).ThenBy(x => x.Id, StringComparer.Ordinal)
                    .Take(k).Select(x => x.Position).Reverse();
                Assert.Equal(sorted, RicesRanking.Choose(query, pool, k));
            }
        }
    }

    [Fact]
    public void NormalisationMakesCosineSimilarity()
    {
        var v = RicesRanking.Normalize([3, 4]);
        Assert.Equal(0.6f, v[0], 6);
        Assert.Equal(0.8f, v[1], 6);
        Assert.Equal(1.0, RicesRanking.Similarity(v, v), 6);
        Assert.Equal([0f, 0f], RicesRanking.Normalize([0, 0]));
        Assert.Throws<Core.Errors.UsageException>(() => RicesRanking.Choose([1, 0], [At("a", 0)], 2));
    }
}
