using XGenEval.Benchmarks.Abstractions;
using XGenEval.Core.Errors;

namespace XGenEval.Benchmarks.FewShot;

/// <summary>
/// The demonstration pool of one trial: a seeded subset of the demonstration split (OpenFlamingo's
/// "query set", 2048 items by default). Each item's rank is <c>FewShotRandom.Hash("query-set", seed, item id)</c>;
/// the pool is the <c>size</c> items of lowest rank (ties, which need a 64-bit collision, by id in ordinal order),
/// kept in rank order. So the pool depends on the seed and on which items the split holds, not on the order the
/// file lists them in.
/// </summary>
public sealed class QuerySet
{
    QuerySet(int seed, IReadOnlyList<Sample> items, int splitSize)
    {
        Seed = seed;
        Items = items;
        SplitSize = splitSize;
    }

    public int Seed { get; }

    /// <summary>The pool, in rank order; demonstrations are addressed by position in this list.</summary>
    public IReadOnlyList<Sample> Items { get; }

    /// <summary>How many items the demonstration split has.</summary>
    public int SplitSize { get; }

    public int Count => Items.Count;

    /// <param name="split">Every item of the demonstration split.</param>
    /// <param name="size">How many to keep; null keeps the whole split (in rank order).</param>
    public static QuerySet Select(IReadOnlyList<Sample> split, int seed, int? size)
    {
        if (size is < 1) throw new UsageException("the query set size must be at least 1");
        var duplicate = split.GroupBy(s => s.Index, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DataException($"the demonstration split lists item {duplicate.Key} {duplicate.Count()} times; demonstrations are chosen by item id");
        var ranked = split
            .Select(s => (Sample: s, Rank: FewShotRandom.Hash("query-set", seed, s.Index)))
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Sample.Index, StringComparer.Ordinal)
            .Select(x => x.Sample);
        var items = (size is int n ? ranked.Take(n) : ranked).ToList();
        return new QuerySet(seed, items, split.Count);
    }
}
