using System.Globalization;

namespace XGenEval.Cli.FewShot;

/// <summary>
/// One (shot count, trial) of a few-shot run: its own journal, predictions and scores in the run directory,
/// under <see cref="Key"/>: <c>coco.4shot.seed42</c> (random), <c>coco.4shot.rices.seed42</c> (RICES over a seeded
/// query set), <c>coco.4shot.rices</c> (RICES over the whole split, where the seed changes nothing) and
/// <c>coco.0shot</c> (zero-shot without demonstrations, likewise seed-free).
/// </summary>
public sealed record FewShotTrial
{
    public required string Benchmark { get; init; }
    public required int Shots { get; init; }

    /// <summary>The seed of the query set and the random draws; null where it would change nothing.</summary>
    public int? Seed { get; init; }

    /// <summary>0-based position among the shot count's trials.</summary>
    public int Trial { get; init; }

    public DemoSelection Selection { get; init; }
    public int? QuerySetSize { get; init; }

    /// <summary>Zero-shot with two text-only demonstrations.</summary>
    public bool TextOnly { get; init; }

    /// <summary>Demonstrations per prompt before any is dropped to fit the context.</summary>
    public int Demonstrations => Shots > 0 ? Shots : TextOnly ? 2 : 0;

    public string Key =>
        $"{Benchmark}.{Shots.ToString(CultureInfo.InvariantCulture)}shot" +
        (Selection == DemoSelection.Rices && Demonstrations > 0 ? ".rices" : "") +
        (Seed is int s ? ".seed" + s.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>The trials of one benchmark, shot count by shot count, in the order given.</summary>
    public static IReadOnlyList<FewShotTrial> Plan(string benchmark, FewShotOptions options, bool textOnlyZeroShot)
    {
        var trials = new List<FewShotTrial>();
        foreach (int shots in options.Shots)
        {
            var template = new FewShotTrial
            {
                Benchmark = benchmark, Shots = shots, Selection = options.Selection, QuerySetSize = options.QuerySetSize,
                TextOnly = shots == 0 && textOnlyZeroShot,
            };
            // No demonstrations, or RICES over the whole split: every seed would give the same prompts.
            bool seedFree = template.Demonstrations == 0 || (options.Selection == DemoSelection.Rices && options.QuerySetSize is null);
            if (seedFree) trials.Add(template);
            else trials.AddRange(options.Seeds.Select((seed, k) => template with { Seed = seed, Trial = k }));
        }
        return trials;
    }
}
