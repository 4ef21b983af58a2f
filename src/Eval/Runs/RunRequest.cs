using XGenEval.Benchmarks.Abstractions;
using XGenEval.Core.Models;

namespace XGenEval.Cli.Runs;

/// <summary>Everything `xgen-eval run` was asked to do.</summary>
public sealed record RunRequest
{
    public required IReadOnlyList<(IBenchmark Benchmark, string Split)> Benchmarks { get; init; }

    /// <summary>Files given with --data (one benchmark only); otherwise the data locator finds them.</summary>
    public IReadOnlyList<string> DataFiles { get; init; } = [];
    public string? DataRoot { get; init; }

    public required string ModelId { get; init; }
    public ModelLoadOptions LoadOptions { get; init; } = new();

    public required string WorkDirectory { get; init; }
    public RunSelection Selection { get; init; } = RunSelection.Auto;
    public string? RunId { get; init; }
    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    /// <summary>Only the first N items of each benchmark (in dataset order).</summary>
    public int? Limit { get; init; }
    public int BatchSize { get; init; } = 8;
    public int? MaxNewTokens { get; init; }
    public int? NumBeams { get; init; }
    public int Seed { get; init; }

    /// <summary>Run items again whose earlier attempt was journaled as failed.</summary>
    public bool RetryFailed { get; init; }

    public ScoringOptions Scoring { get; init; } = ScoringOptions.Default;

    /// <summary>The LLM judge scoring may ask (--judge MODEL); null: rules only (--judge none).</summary>
    public Benchmarks.Judge.Providers.JudgeSettings? Judge { get; init; }

    /// <summary>--shots and its companions; null for a plain (not few-shot) run.</summary>
    public FewShot.FewShotOptions? FewShot { get; init; }

    /// <summary>The command line, for the manifest (redacted before it is written).</summary>
    public IReadOnlyList<string> Argv { get; init; } = [];

    /// <summary>The decoding for one benchmark: its reference settings with the command line's overrides.</summary>
    public DecodingOptions DecodingFor(IBenchmark benchmark, PromptProfile profile)
    {
        var d = benchmark.Decoding(profile);
        if (MaxNewTokens is int m) d = d with { MaxNewTokens = m };
        if (NumBeams is int b) d = d with { NumBeams = b };
        return d;
    }

    /// <summary>The overrides as recorded in the manifest and hashed into the run key.</summary>
    public SortedDictionary<string, string> DecodingOverrides()
    {
        var o = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (MaxNewTokens is int m) o["max_new_tokens"] = m.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (NumBeams is int b) o["num_beams"] = b.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return o;
    }
}
