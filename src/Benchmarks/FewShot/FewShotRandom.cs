using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace XGenEval.Benchmarks.FewShot;

/// <summary>
/// The counter-based randomness of the few-shot protocol. Every random choice is a pure function of a key
/// (purpose, seed, item id, shot count, ...), never of a generator's history, so what an item gets does not
/// depend on batch size, shard count, item order or thread count. A key's parts are joined with U+001F after
/// the domain tag <see cref="Domain"/>; the first 8 bytes of the SHA-256 of that UTF-8 text, read little-endian,
/// seed a SplitMix64 stream. Both are short and standard, so the choices can be re-derived in any language
/// (docs/few-shot.md has a Python version).
/// </summary>
public static class FewShotRandom
{
    /// <summary>Changes only if the algorithm changes; part of every key.</summary>
    public const string Domain = "xgen-eval/fewshot/v1";

    /// <summary>The 64-bit value of a key: SHA-256 of <c>Domain␟part1␟part2…</c>, first 8 bytes little-endian.</summary>
    public static ulong Hash(params object[] parts)
    {
        var text = new StringBuilder(Domain);
        foreach (var part in parts)
            text.Append('\u001f').Append(Convert.ToString(part, CultureInfo.InvariantCulture));
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    /// <summary>A SplitMix64 stream seeded with <see cref="Hash"/> of the key.</summary>
    public static SplitMix64 Stream(params object[] parts) => new(Hash(parts));
}

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014; the generator Java's SplittableRandom and xoshiro's seeding use):
/// add the golden-ratio increment to the state, then mix. <see cref="NextBelow"/> draws without modulo bias
/// by rejecting the lowest <c>2^64 mod n</c> outputs (the arc4random_uniform rule).
/// </summary>
public struct SplitMix64(ulong seed)
{
    ulong state = seed;

    public ulong Next()
    {
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n).</summary>
    public int NextBelow(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        ulong bound = (ulong)n;
        ulong threshold = (0UL - bound) % bound; // 2^64 mod n
        while (true)
        {
            ulong r = Next();
            if (r >= threshold) return (int)(r % bound);
        }
    }
}
