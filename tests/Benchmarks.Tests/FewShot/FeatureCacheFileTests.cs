using XGenEval.Benchmarks.FewShot;

namespace XGenEval.Benchmarks.Tests.FewShot;

public class FeatureCacheFileTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("xgen-features-").FullName;
    static readonly FeatureCacheKey Key = new("abc123", "org/model", "rev1", "siglip-attention-pool/base-tile/v1");

    public void Dispose()
    {
        Directory.Delete(dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void FeaturesSurviveAWriteAndAReadExactly()
    {
        string path = Path.Combine(dir, Key.FileName);
        var features = new Dictionary<string, float[]> { ["b"] = [1.5f, -2.25f, float.Epsilon], ["a"] = [0f, 1f, 0.1f], ["é"] = [3, 2, 1] };
        FeatureCacheFile.Write(path, Key, features);
        var read = FeatureCacheFile.Read(path, Key);
        Assert.Equal(features.Keys.Order(), read.Keys.Order());
        foreach (var (id, v) in features) Assert.Equal(v, read[id]);
    }

    [Fact]
    public void AnotherKeyOrADamagedFileReadsAsEmpty()
    {
        string path = Path.Combine(dir, Key.FileName);
        FeatureCacheFile.Write(path, Key, new Dictionary<string, float[]> { ["a"] = [1, 2] });
        Assert.Empty(FeatureCacheFile.Read(path, Key with { ModelRevision = "rev2" }));
        Assert.NotEqual(Key.FileName, (Key with { DatasetSha256 = "other" }).FileName);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^3]);
        Assert.Empty(FeatureCacheFile.Read(path, Key));
        Assert.Empty(FeatureCacheFile.Read(Path.Combine(dir, "missing.features"), Key));
    }
}
