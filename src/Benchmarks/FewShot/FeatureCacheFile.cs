using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using XGenEval.Core.IO;

namespace XGenEval.Benchmarks.FewShot;

/// <summary>What a set of cached image features belongs to: the dataset files, the model and the embedding.</summary>
/// <param name="DatasetSha256">Hash of the split's files (the run manifest's dataset hash).</param>
/// <param name="ModelId">The model id as given.</param>
/// <param name="ModelRevision">Hub commit, or a fingerprint of the local weights.</param>
/// <param name="Embedding">Which features, e.g. "siglip-attention-pool/base-tile" (the runner names it).</param>
public sealed record FeatureCacheKey(
    [property: JsonPropertyName("dataset_sha256")] string DatasetSha256,
    [property: JsonPropertyName("model")] string ModelId,
    [property: JsonPropertyName("revision")] string ModelRevision,
    [property: JsonPropertyName("embedding")] string Embedding)
{
    /// <summary>A file name that differs whenever any part of the key does.</summary>
    public string FileName => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        Encoding.UTF8.GetBytes(string.Join("\n", DatasetSha256, ModelId, ModelRevision, Embedding))))[..24] + ".features";
}

/// <summary>
/// A cache file of L2-normalised image features, one vector per item id: a JSON header line (the key, the
/// dimension, the count), then per item its id (int32 byte length, UTF-8) and its floats (float32), all
/// little-endian, rows in ordinal id order. Written to a temporary file and renamed. A file that cannot be read,
/// or whose header names another key, is ignored (its features are computed again), never trusted.
/// </summary>
public static class FeatureCacheFile
{
    sealed record Header(
        [property: JsonPropertyName("xgen_eval_features")] int Version,
        [property: JsonPropertyName("key")] FeatureCacheKey Key,
        [property: JsonPropertyName("dimension")] int Dimension,
        [property: JsonPropertyName("count")] int Count);

    public static Dictionary<string, float[]> Read(string path, FeatureCacheKey key)
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            int newline = Array.IndexOf(bytes, (byte)'\n');
            if (newline < 0) return result;
            var header = JsonSerializer.Deserialize<Header>(bytes.AsSpan(0, newline));
            if (header is null || header.Version != 1 || header.Key != key) return result;
            int at = newline + 1;
            for (int row = 0; row < header.Count; row++)
            {
                int idLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at, 4));
                at += 4;
                string id = Encoding.UTF8.GetString(bytes, at, idLength);
                at += idLength;
                var vector = new float[header.Dimension];
                for (int i = 0; i < vector.Length; i++, at += 4) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at, 4));
                result[id] = vector;
            }
            return at == bytes.Length ? result : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            return []; // a damaged cache only costs a recomputation
        }
    }

    public static void Write(string path, FeatureCacheKey key, IReadOnlyDictionary<string, float[]> features)
    {
        int dimension = features.Count == 0 ? 0 : features.Values.First().Length;
        if (features.Values.Any(v => v.Length != dimension)) throw new ArgumentException("feature vectors of different lengths");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, stream =>
        {
            var header = JsonSerializer.Serialize(new Header(1, key, dimension, features.Count));
            stream.Write(Encoding.UTF8.GetBytes(header + "\n"));
            Span<byte> four = stackalloc byte[4];
            foreach (var (id, vector) in features.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                byte[] idBytes = Encoding.UTF8.GetBytes(id);
                BinaryPrimitives.WriteInt32LittleEndian(four, idBytes.Length);
                stream.Write(four);
                stream.Write(idBytes);
                foreach (float x in vector)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(four, x);
                    stream.Write(four);
                }
            }
        });
    }
}
