namespace XGenEval.Benchmarks.Datasets.HuggingFace;

/// <summary>
/// The encoded images of parquet row groups already read, shared by every image column of the process and
/// dropped least recently used first once they hold more than a byte budget. A run orders its items by prompt
/// cost, not by row, so it comes back to the same row groups again and again; with the budget (512 MiB by
/// default, about a whole lmms-lab benchmark shard) each row group is decompressed once instead of once per
/// pass. The most recent row group is always kept, however large, so a read never fails for want of room.
/// </summary>
sealed class RowGroupImageCache(long budgetBytes)
{
    public static RowGroupImageCache Shared { get; } = new(512L << 20);

    readonly record struct GroupKey(string File, string Column, int Group);

    sealed record Entry(GroupKey Key, byte[]?[] Images, long Bytes);

    readonly object gate = new();
    readonly LinkedList<Entry> recency = new(); // most recent first
    readonly Dictionary<GroupKey, LinkedListNode<Entry>> entries = [];
    readonly Dictionary<string, int> loads = new(StringComparer.Ordinal);
    long heldBytes;

    /// <summary>The images of a row group, from memory or by <paramref name="load"/> (called under the cache's
    /// lock, so two readers of one row group never decompress it twice).</summary>
    public byte[]?[] Get(string file, string column, int group, Func<byte[]?[]> load)
    {
        var key = new GroupKey(file, column, group);
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return node.Value.Images;
            }
            var images = load();
            loads[file] = loads.GetValueOrDefault(file) + 1;
            var entry = new Entry(key, images, images.Sum(b => (long)(b?.Length ?? 0)));
            entries[key] = recency.AddFirst(entry);
            heldBytes += entry.Bytes;
            while (heldBytes > budgetBytes && recency.Last is { } oldest && oldest != recency.First)
            {
                recency.RemoveLast();
                entries.Remove(oldest.Value.Key);
                heldBytes -= oldest.Value.Bytes;
            }
            return images;
        }
    }

    /// <summary>How many row groups of <paramref name="file"/> were decompressed (for tests and diagnostics).</summary>
    public int Loads(string file)
    {
        lock (gate) return loads.GetValueOrDefault(file);
    }

    /// <summary>Bytes of images held now.</summary>
    public long HeldBytes
    {
        get { lock (gate) return heldBytes; }
    }
}
