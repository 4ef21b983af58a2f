using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using XGenEval.Core.Errors;

namespace XGenEval.Cli.Runs;

/// <summary>
/// An append-only JSON-lines file of finished items: the first line is the benchmark's fingerprint, each
/// further line one <see cref="JournalEntry"/>. A batch is written in one call and fsynced before the next
/// batch starts, so a crash or kill -9 loses at most the batch in flight. A line cut short by a crash (no
/// final newline) is dropped when the journal is read, and cut off before appending resumes.
/// </summary>
public sealed class PredictionJournal : IDisposable
{
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    sealed record Header([property: JsonPropertyName("xgen_eval_journal")] int Version, [property: JsonPropertyName("fingerprint")] BenchmarkFingerprint Fingerprint);

    readonly FileStream stream;

    PredictionJournal(FileStream stream) => this.stream = stream;

    public static string FileName(string benchmark, ShardSpec shard) => $"{benchmark}{shard.Suffix}.jsonl";

    /// <summary>Opens (creating if needed) a journal for appending, after checking its fingerprint.</summary>
    public static PredictionJournal OpenForAppend(string path, BenchmarkFingerprint fingerprint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            if (stream.Length == 0)
            {
                WriteLine(stream, JsonSerializer.Serialize(new Header(1, fingerprint), Json));
                stream.Flush(flushToDisk: true);
            }
            else
            {
                var (_, validLength) = Parse(path, ReadAll(stream), fingerprint);
                if (validLength < stream.Length) stream.SetLength(validLength); // drop a torn last line
                stream.Seek(0, SeekOrigin.End);
            }
            return new PredictionJournal(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Writes one batch of entries and forces them to disk.</summary>
    public void Append(IReadOnlyList<JournalEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries) sb.Append(JsonSerializer.Serialize(e, Json)).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads the entries of a journal; throws if it belongs to different settings.</summary>
    public static IReadOnlyList<JournalEntry> Read(string path, BenchmarkFingerprint expected)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Parse(path, ReadAll(stream), expected).Entries;
    }

    /// <summary>All finished items of a benchmark across the journals of every shard layout in
    /// <paramref name="journalDirectory"/>. An item journaled more than once (a failed item retried with
    /// --retry-failed) keeps its first successful entry, else its first entry.</summary>
    public static IReadOnlyDictionary<string, JournalEntry> ReadBenchmark(string journalDirectory, string benchmark, BenchmarkFingerprint expected)
    {
        var result = new Dictionary<string, JournalEntry>();
        foreach (var file in Files(journalDirectory, benchmark))
            foreach (var entry in Read(file, expected))
                if (!result.TryGetValue(entry.Index, out var earlier) || (earlier.Error is not null && entry.Error is null))
                    result[entry.Index] = entry;
        return result;
    }

    /// <summary>The fingerprint at the head of a unit's first journal (null when it has none), for re-scoring a
    /// run whose settings are only partly in the manifest (a few-shot trial's demonstration settings).</summary>
    public static BenchmarkFingerprint? RecordedFingerprint(string journalDirectory, string benchmark)
    {
        string? path = Files(journalDirectory, benchmark).FirstOrDefault();
        if (path is null) return null;
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        string? first = reader.ReadLine();
        try
        {
            return first is null ? null : JsonSerializer.Deserialize<Header>(first, Json)?.Fingerprint;
        }
        catch (JsonException e)
        {
            throw DataException.At(path, 1, null, $"corrupt journal header ({e.Message})");
        }
    }

    /// <summary>A benchmark's journals, whole-run and per-shard layouts alike, in name order.</summary>
    static IEnumerable<string> Files(string journalDirectory, string benchmark) =>
        !Directory.Exists(journalDirectory) ? []
        : Directory.GetFiles(journalDirectory, benchmark + "*.jsonl")
            .Where(f => Path.GetFileName(f) == benchmark + ".jsonl" || Path.GetFileName(f).StartsWith(benchmark + ".shard-", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);

    static byte[] ReadAll(FileStream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    static (List<JournalEntry> Entries, long ValidLength) Parse(string path, byte[] bytes, BenchmarkFingerprint expected)
    {
        var entries = new List<JournalEntry>();
        int start = 0, line = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) break; // torn final line: the batch it belonged to was not finished
            line++;
            var span = new ReadOnlySpan<byte>(bytes, start, end - start);
            try
            {
                if (line == 1)
                {
                    var header = JsonSerializer.Deserialize<Header>(span, Json) ?? throw new JsonException("empty header");
                    var differences = expected.Differences(header.Fingerprint).ToList();
                    if (differences.Count > 0)
                        throw new DataException($"{path}: this run's {expected.Benchmark} predictions were made with a different " +
                                                $"{string.Join(", ", differences)}; use --fresh to start a new run");
                }
                else
                {
                    entries.Add(JsonSerializer.Deserialize<JournalEntry>(span, Json) ?? throw new JsonException("empty line"));
                }
            }
            catch (JsonException e)
            {
                throw DataException.At(path, line, null, $"corrupt journal line ({e.Message}); move the file away to redo those items");
            }
            start = end + 1;
        }
        return (entries, start);
    }

    static void WriteLine(FileStream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\n");
        stream.Write(bytes, 0, bytes.Length);
    }

    public void Dispose() => stream.Dispose();
}
