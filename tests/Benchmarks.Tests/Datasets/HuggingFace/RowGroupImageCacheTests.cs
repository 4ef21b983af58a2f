using Parquet;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Benchmarks.Datasets.HuggingFace;

namespace XGenEval.Benchmarks.Tests.Datasets.HuggingFace;

/// <summary>Row groups' images are decompressed once while the cache holds them, and evicted oldest first.</summary>
public class RowGroupImageCacheTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("xgen-rgcache-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static byte[]?[] Group(int bytes) => [new byte[bytes]];

    [Fact]
    public async Task ReadsInCostOrderDecompressEachRowGroupOnce()
    {
        // Copies, so that no other test's reads of the same files count here.
        string source = Path.Combine(AppContext.BaseDirectory, "TestData", "hfparquet", "lmms-lab", "COCO-Caption2017", "data");
        foreach (var file in Directory.GetFiles(source, "val-*.parquet"))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        var files = Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToList();
        var rows = HfParquetReader.Read(files, new HfColumns(["question_id", "id"])).ToList();

        // Backwards, forwards, then every other row: three sweeps, as a run ordered by cost would make.
        var sweeps = rows.AsEnumerable().Reverse().Concat(rows).Concat(rows.Where((_, i) => i % 2 == 0));
        foreach (var row in sweeps)
            Assert.Equal(File.ReadAllBytes(ShippedData.Path($"samples/coco/val2014/COCO_val2014_{long.Parse(row.Text("id")):D12}.jpg")), row.Image.ReadBytes());

        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            await using var reader = await ParquetReader.CreateAsync(stream);
            Assert.True(reader.RowGroupCount > 1, "the test files have several row groups");
            Assert.Equal(reader.RowGroupCount, RowGroupImageCache.Shared.Loads(file));
        }
    }

    [Fact]
    public void PastTheBudgetTheLeastRecentlyUsedGoFirstAndTheNewestAlwaysStays()
    {
        var cache = new RowGroupImageCache(budgetBytes: 250);
        int loads = 0;
        byte[]?[] Load(int bytes) { loads++; return Group(bytes); }

        cache.Get("f", "image", 0, () => Load(100));
        cache.Get("f", "image", 1, () => Load(100));
        cache.Get("f", "image", 0, () => Load(100)); // a hit: group 0 becomes the most recent
        Assert.Equal(2, loads);
        cache.Get("f", "image", 2, () => Load(100)); // 300 > 250: group 1, the least recently used, goes
        Assert.Equal(200, cache.HeldBytes);
        cache.Get("f", "image", 0, () => Load(100));
        cache.Get("f", "image", 2, () => Load(100));
        Assert.Equal(3, loads);
        cache.Get("f", "image", 1, () => Load(100));
        Assert.Equal(4, loads);

        // A group larger than the budget is still kept (alone), so that its reads succeed.
        var huge = cache.Get("g", "image", 0, () => Load(1000));
        Assert.Same(huge, cache.Get("g", "image", 0, () => Load(1000)));
        Assert.Equal(1000, cache.HeldBytes);
        Assert.Equal(5, loads);
        Assert.Equal(4, cache.Loads("f"));
    }
}
