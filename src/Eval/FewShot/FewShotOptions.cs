using System.Globalization;

namespace XGenEval.Cli.FewShot;

/// <summary>How demonstrations are chosen for each item.</summary>
public enum DemoSelection
{
    /// <summary>Drawn at random from the query set, per item (OpenFlamingo's default).</summary>
    Random,

    /// <summary>The query-set items whose images are most similar to the item's (RICES), most similar last.</summary>
    Rices,
}

/// <summary>The few-shot part of `xgen-eval run` (--shots and the options that go with it).</summary>
public sealed record FewShotOptions
{
    /// <summary>OpenFlamingo's default query set size and first trial seed.</summary>
    public const int DefaultQuerySetSize = 2048;
    public const int DefaultFirstSeed = 42;

    /// <summary>Shot counts, each run as its own trials (e.g. 0, 4, 8).</summary>
    public required IReadOnlyList<int> Shots { get; init; }

    /// <summary>One seed per trial.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    public DemoSelection Selection { get; init; } = DemoSelection.Random;

    /// <summary>How many items of the demonstration split form the pool; null: all of them.</summary>
    public int? QuerySetSize { get; init; } = DefaultQuerySetSize;

    /// <summary>Zero-shot prompts carry two text-only demonstrations (OpenFlamingo's base-model convention);
    /// null: yes for base models, no for others.</summary>
    public bool? TextOnlyZeroShot { get; init; }

    /// <summary>The demonstration split's files given with --demo-data; otherwise the data locator finds them.</summary>
    public IReadOnlyList<string> DemoDataFiles { get; init; } = [];

    /// <summary>Where RICES features are cached (default: &lt;data root&gt;/cache/rices).</summary>
    public string? FeatureCacheDirectory { get; init; }

    /// <summary>The settings that decide predictions, for the run key and the manifest.</summary>
    public string Describe(bool textOnlyZeroShot) =>
        $"shots={string.Join(",", Shots.Select(Text))};seeds={string.Join(",", Seeds.Select(Text))};" +
        $"selection={Selection.ToString().ToLowerInvariant()};query_set_size={(QuerySetSize is int n ? Text(n) : "all")};" +
        $"zero_shot={(textOnlyZeroShot ? FewShotPlan.TextOnlyZeroShotName : "plain")};algorithm={Benchmarks.FewShot.FewShotRandom.Domain}";

    static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
