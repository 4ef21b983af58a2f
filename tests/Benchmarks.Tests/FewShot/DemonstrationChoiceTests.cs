using System.Text.Json.Nodes;
using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.FewShot;

namespace XGenEval.Benchmarks.Tests.FewShot;

/// <summary>
/// The counter-based demonstration choice against an independent Python version of the documented algorithm
/// (tools/golden/fewshot_reference.py wrote TestData/fewshot/reference_choices.json), and its independence from
/// the order items are asked or listed in.
/// </summary>
public class DemonstrationChoiceTests
{
    static readonly JsonNode Reference = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "fewshot", "reference_choices.json")))!;

    static List<Sample> Pool(IEnumerable<string> ids) => ids.Select(id => new Sample { Index = id }).ToList();

    [Fact]
    public void SplitMix64MatchesTheReferenceGeneratorAndKeysHashAsInPython()
    {
        // Vigna's splitmix64.c from state 0 gives 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f.
        var stream = new SplitMix64(0);
        Assert.Equal(Reference["splitmix64_seed0"]!.AsArray().Select(v => ulong.Parse(v!.GetValue<string>())), [stream.Next(), stream.Next(), stream.Next()]);
        Assert.Equal(0xe220a8397b1dcdafUL, new SplitMix64(0).Next());
        Assert.Equal(ulong.Parse(Reference["key_hash"]!["value"]!.GetValue<string>()), FewShotRandom.Hash("demos", 42, "391895", 4));
    }

    [Fact]
    public void QuerySetsAndDemonstrationsMatchThePythonReference()
    {
        var pool = Pool(Reference["pool"]!.AsArray().Select(v => v!.GetValue<string>()));
        var cases = Reference["cases"]!.AsArray();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            int seed = c!["seed"]!.GetValue<int>();
            var set = QuerySet.Select(pool, seed, c["query_set_size"]!.GetValue<int>());
            Assert.Equal(c["query_set"]!.AsArray().Select(v => v!.GetValue<string>()), set.Items.Select(s => s.Index));
            var chosen = RandomDemonstrations.Choose(seed, c["item"]!.GetValue<string>(), c["shots"]!.GetValue<int>(), c["count"]!.GetValue<int>(), set.Count);
            Assert.Equal(c["demonstrations"]!.AsArray().Select(v => v!.GetValue<string>()), chosen.Select(p => set.Items[p].Index));
        }
    }

    [Fact]
    public void TheQuerySetDependsOnTheSeedAndNotOnTheOrderTheSplitListsItsItems()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"item{i}").ToList();
        var forward = QuerySet.Select(Pool(ids), 7, 20).Items.Select(s => s.Index).ToList();
        var reversed = QuerySet.Select(Pool(Enumerable.Reverse(ids)), 7, 20).Items.Select(s => s.Index).ToList();
        var shuffled = QuerySet.Select(Pool(ids.OrderBy(id => id.GetHashCode())), 7, 20).Items.Select(s => s.Index).ToList();
        Assert.Equal(forward, reversed);
        Assert.Equal(forward, shuffled);
        Assert.Equal(20, forward.Distinct().Count());
        Assert.NotEqual(forward, QuerySet.Select(Pool(ids), 8, 20).Items.Select(s => s.Index));
        Assert.Equal(200, QuerySet.Select(Pool(ids), 7, null).Count);
    }

    [Fact]
    public void AnItemsDemonstrationsAreAPureFunctionOfSeedItemAndShots()
    {
        var items = Enumerable.Range(0, 50).Select(i => $"q{i}").ToList();
        var once = items.ToDictionary(id => id, id => RandomDemonstrations.Choose(42, id, 4, 4, 30));
        // Asked in another order, interleaved with other shot counts and seeds: the same answers.
        foreach (var id in Enumerable.Reverse(items))
        {
            RandomDemonstrations.Choose(43, id, 8, 8, 30);
            Assert.Equal(once[id], RandomDemonstrations.Choose(42, id, 4, 4, 30));
        }
        Assert.All(once.Values, d => Assert.Equal(4, d.Distinct().Count()));
        Assert.All(once.Values, d => Assert.All(d, p => Assert.InRange(p, 0, 29)));
        // Different items, seeds and shot counts draw differently (with 30 choose 4 ordered draws, a clash of
        // all of these would be a bug, not chance).
        Assert.True(once.Values.Select(d => string.Join(",", d)).Distinct().Count() > 45);
        Assert.NotEqual(once["q0"], RandomDemonstrations.Choose(43, "q0", 4, 4, 30));
        Assert.NotEqual(once["q0"], RandomDemonstrations.Choose(42, "q0", 8, 4, 30));
    }

    [Fact]
    public void DrawingAsManyAsThePoolHoldsIsAPermutationAndMoreIsRefused()
    {
        var all = RandomDemonstrations.Choose(1, "x", 5, 5, 5);
        Assert.Equal([0, 1, 2, 3, 4], all.Order());
        Assert.Throws<Core.Errors.UsageException>(() => RandomDemonstrations.Choose(1, "x", 6, 6, 5));
    }

    [Fact]
    public void BoundedDrawsCoverTheRangeEvenly()
    {
        var stream = new SplitMix64(FewShotRandom.Hash("test"));
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[stream.NextBelow(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void ASplitListingAnItemTwiceIsRefused()
    {
        var e = Assert.Throws<Core.Errors.DataException>(() => QuerySet.Select(Pool(["a", "b", "a"]), 1, 2));
        Assert.Contains("item a 2 times", e.Message);
    }
}
