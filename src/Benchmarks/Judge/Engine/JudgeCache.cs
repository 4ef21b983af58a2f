using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XGenEval.Benchmarks.Judge.Engine;

/// <summary>One cached reply: what was asked (by hash) and what came back.</summary>
public sealed record JudgeCacheEntry
{
    [JsonPropertyName("key")] public required string Key { get; init; }
    [JsonPropertyName("judge")] public required string Judge { get; init; }
    [JsonPropertyName("version")] public required string Version { get; init; }
    [JsonPropertyName("purpose")] public required string Purpose { get; init; }
    [JsonPropertyName("benchmark")] public required string Benchmark { get; init; }
    [JsonPropertyName("item")] public required string Item { get; init; }
    [JsonPropertyName("prompt_sha256")] public required string PromptSha256 { get; init; }
    [JsonPropertyName("temperature")] public double Temperature { get; init; }
    [JsonPropertyName("max_tokens")] public int MaxTokens { get; init; }
    [JsonPropertyName("repeat")] public int Repeat { get; init; }
    [JsonPropertyName("attempt")] public int Attempt { get; init; }
    [JsonPropertyName("reply")] public required string Reply { get; init; }
    [JsonPropertyName("response_model")] public string? ResponseModel { get; init; }
    [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public int CompletionTokens { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What identifies a judge request: the judge's version, the item, the exact prompt, the sampling, the
/// attempt (VLMEvalKit re-sends the same prompt; each try is its own request) and the repeat. Two requests with the
/// same key get the same cached reply.</summary>
public readonly record struct JudgeRequestKey(string Version, string Purpose, string Benchmark, string Item, string PromptSha256,
    double Temperature, int MaxTokens, int Attempt, int Repeat)
{
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
        "xgen-eval-judge-cache v1", Version, Purpose, Benchmark, Item, PromptSha256, Temperature.ToString("R", CultureInfo.InvariantCulture),
        MaxTokens.ToString(CultureInfo.InvariantCulture), Attempt.ToString(CultureInfo.InvariantCulture), Repeat.ToString(CultureInfo.InvariantCulture)))));

    public static string PromptHash(string prompt) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)));
}

/// <summary>
/// The persistent judge cache: JSON lines, appended and fsynced one reply at a time (as the prediction journal), in
/// the run directory (<c>judge/cache.jsonl</c>) and, when given, in a shared folder (<c>judge-cache.jsonl</c>) that
/// other runs read too. Only replies are cached, never failures, so a later scoring asks again what failed. A line cut
/// short by a crash, or damaged, is skipped when reading (it is only a cache) and counted.
/// </summary>
public sealed class JudgeCache : IDisposable
{
    public const string SharedFileName = "judge-cache.jsonl";

    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    readonly Dictionary<string, JudgeCacheEntry> entries = new(StringComparer.Ordinal);
    readonly List<FileStream> writers = [];
    readonly Lock gate = new();

    JudgeCache() { }

    /// <summary>Lines that could not be read (torn or damaged).</summary>
    public int SkippedLines { get; private set; }

    public int Count { get { lock (gate) return entries.Count; } }

    /// <summary>Opens (creating) the cache files; <paramref name="files"/> are read in order, the first entry for a key wins.</summary>
    public static JudgeCache Open(params string?[] files)
    {
        var cache = new JudgeCache();
        try
        {
            foreach (string path in files.OfType<string>().Distinct())
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
                cache.writers.Add(stream);
                cache.Load(stream);
            }
            return cache;
        }
        catch
        {
            cache.Dispose();
            throw;
        }
    }

    void Load(FileStream stream)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        int start = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) { SkippedLines++; break; } // torn last line
            try
            {
                if (end > start && JsonSerializer.Deserialize<JudgeCacheEntry>(bytes.AsSpan(start, end - start), Json) is { } e)
                    entries.TryAdd(e.Key, e);
            }
            catch (JsonException) { SkippedLines++; }
            start = end + 1;
        }
        stream.Seek(0, SeekOrigin.End);
        // Another writer may have been cut mid-line: start ours on a line of its own.
        if (bytes.Length > 0 && bytes[^1] != (byte)'\n') stream.WriteByte((byte)'\n');
    }

    public bool TryGet(string key, out JudgeCacheEntry entry)
    {
        lock (gate) return entries.TryGetValue(key, out entry!);
    }

    /// <summary>Records a reply in memory and in every file, forced to disk before returning.</summary>
    public void Add(JudgeCacheEntry entry)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        lock (gate)
        {
            entries[entry.Key] = entry;
            foreach (var w in writers)
            {
                w.Seek(0, SeekOrigin.End);
                w.Write(line);
                w.Flush(flushToDisk: true);
            }
        }
    }

    public void Dispose()
    {
        foreach (var w in writers) w.Dispose();
        writers.Clear();
    }
}
