using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.FewShot;
using XGenEval.Cli.Runs;
using XGenEval.Core.Errors;
using XGenEval.Core.Models;

namespace XGenEval.Cli.FewShot;

/// <summary>
/// Image features for RICES, computed by the model's vision tower (<see cref="IImageEmbedder"/>), L2-normalised,
/// and cached on disk per (dataset files, model, revision, embedding) in <see cref="FeatureCacheFile"/>s, so that
/// later runs, other seeds and other shot counts reuse them. Only the items asked for are computed, in batches;
/// an item's features are its first image's. An image that cannot be read has no features: as a demonstration it
/// leaves the pool, as a query its item fails.
/// </summary>
public sealed class RicesFeatureStore(string cacheDirectory, IModelRunner runner, RunLog log)
{
    const int Batch = 64;
    const int SaveEvery = 4096; // items between cache writes, so an interrupted pass keeps most of its work

    readonly IImageEmbedder embedder = runner as IImageEmbedder
        ?? throw new UsageException($"--demo-selection rices needs image features, which model '{runner.Info.Id}' cannot compute; use --demo-selection random");
    readonly Dictionary<string, Dictionary<string, float[]>> loaded = new(StringComparer.Ordinal);

    public string CacheDirectory { get; } = cacheDirectory;

    /// <summary>The features of <paramref name="items"/> that could be computed, by item id.</summary>
    /// <param name="datasetSha256">The hash of the files the items were read from.</param>
    /// <param name="what">"demonstration" or "evaluation", for the log.</param>
    public IReadOnlyDictionary<string, float[]> For(IReadOnlyList<Sample> items, string datasetSha256, string what, CancellationToken ct)
    {
        // Features from bf16 on a GPU are not those from fp32 on a CPU: the precision is part of the key.
        var key = new FeatureCacheKey(datasetSha256, runner.Info.Id, RevisionOf(runner.Info), $"{embedder.EmbeddingName}@{runner.Info.DType}/{runner.Info.Device}");
        string path = Path.Combine(CacheDirectory, key.FileName);
        if (!loaded.TryGetValue(path, out var known)) loaded[path] = known = FeatureCacheFile.Read(path, key);
        var missing = items.Where(i => !known.ContainsKey(i.Index)).ToList();
        if (missing.Count > 0)
        {
            log.Info($"RICES: computing image features of {missing.Count} {what} item(s) ({items.Count - missing.Count} cached in {path})");
            int sinceSave = 0;
            for (int start = 0; start < missing.Count; start += Batch)
            {
                ct.ThrowIfCancellationRequested();
                var batch = missing.Skip(start).Take(Batch).ToList();
                foreach (var (id, vector) in Embed(batch, ct)) known[id] = vector;
                sinceSave += batch.Count;
                if (sinceSave >= SaveEvery) { FeatureCacheFile.Write(path, key, known); sinceSave = 0; }
            }
            FeatureCacheFile.Write(path, key, known);
        }
        return items.Where(i => known.ContainsKey(i.Index)).ToDictionary(i => i.Index, i => known[i.Index], StringComparer.Ordinal);
    }

    /// <summary>One batch; if an image in it cannot be read, each is tried alone so only the bad ones are lost.</summary>
    IEnumerable<(string Id, float[] Vector)> Embed(IReadOnlyList<Sample> batch, CancellationToken ct)
    {
        var withImages = batch.Where(s => s.Images.Count > 0).ToList();
        foreach (var s in batch.Where(s => s.Images.Count == 0)) log.Warn($"RICES: item {s.Index} has no image");
        try
        {
            var vectors = embedder.EmbedImages(withImages.Select(s => s.Images[0]).ToList(), ct);
            return withImages.Zip(vectors, (s, v) => (s.Index, RicesRanking.Normalize(v))).ToList();
        }
        catch (DataException) when (withImages.Count > 1)
        {
            return withImages.SelectMany(s => Embed([s], ct)).ToList();
        }
        catch (DataException e)
        {
            log.Warn($"RICES: no features for item {withImages[0].Index}: {e.Message}");
            return [];
        }
    }

    /// <summary>The weights' revision for the cache key: the hub commit, else a fingerprint of the local checkpoint
    /// files (names, sizes, modification times), so retrained weights under the same id are not confused.</summary>
    public static string RevisionOf(ModelInfo info)
    {
        if (!string.IsNullOrEmpty(info.Revision)) return info.Revision;
        if (info.Details.TryGetValue("checkpoint", out var folder) && Directory.Exists(folder))
        {
            var files = Directory.GetFiles(folder)
                .Where(f => f.EndsWith(".safetensors", StringComparison.Ordinal) || Path.GetFileName(f) is "config.json" or "preprocessor_config.json")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new FileInfo(f))
                .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}");
            return "local:" + FileHashes.Sha256OfText(string.Join("\n", files))[..16];
        }
        return "unversioned";
    }
}
