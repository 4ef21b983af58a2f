using System.Globalization;
using XGenEval.Cli.FewShot;
using XGenEval.Core.Errors;

namespace XGenEval.Cli.Commands;

/// <summary>`xgen-eval run`'s few-shot options (--shots, --trials, --seeds, ...) turned into <see cref="FewShotOptions"/>.</summary>
public static class FewShotArguments
{
    /// <param name="seed">--seed when given explicitly: the first trial seed if --seeds is not given.</param>
    /// <param name="selection">--demo-selection when given explicitly.</param>
    /// <param name="querySetSize">--query-set-size when given explicitly.</param>
    /// <returns>Null when --shots is not given (a plain run); then no other few-shot option may be.</returns>
    public static FewShotOptions? Parse(string? shots, int? trials, string? seeds, int? seed, string? selection, string? querySetSize,
        bool plainZeroShot, IReadOnlyList<string> demoData, string? featureCache)
    {
        if (shots is null)
        {
            if (trials is not null || seeds is not null || selection is not null || querySetSize is not null || plainZeroShot || demoData.Count > 0 || featureCache is not null)
                throw new UsageException("--trials, --seeds, --demo-selection, --query-set-size, --plain-zero-shot, --demo-data and --feature-cache go with --shots");
            return null;
        }
        var shotCounts = Integers("--shots", shots);
        IReadOnlyList<int> seedList;
        if (seeds is not null)
        {
            seedList = Integers("--seeds", seeds);
            if (trials is int n && n != seedList.Count)
                throw new UsageException($"--trials {n} but --seeds lists {seedList.Count} seed(s); give one seed per trial");
        }
        else
        {
            int count = trials ?? 1;
            if (count < 1) throw new UsageException("--trials must be at least 1");
            int first = seed ?? FewShotOptions.DefaultFirstSeed;
            seedList = Enumerable.Range(0, count).Select(k => first + k).ToList();
        }
        return new FewShotOptions
        {
            Shots = shotCounts,
            Seeds = seedList,
            Selection = (selection ?? "random").Trim().ToLowerInvariant() switch
            {
                "random" => DemoSelection.Random,
                "rices" => DemoSelection.Rices,
                _ => throw new UsageException($"--demo-selection must be random or rices, not '{selection}'"),
            },
            QuerySetSize = querySetSize is null ? FewShotOptions.DefaultQuerySetSize
                : querySetSize.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) ? null
                : int.TryParse(querySetSize, NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size >= 1 ? size
                : throw new UsageException($"--query-set-size takes a positive count or 'all', not '{querySetSize}'"),
            TextOnlyZeroShot = plainZeroShot ? false : null,
            DemoDataFiles = demoData,
            FeatureCacheDirectory = featureCache,
        };
    }

    static List<int> Integers(string option, string text)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
                throw new UsageException($"{option} takes comma-separated whole numbers, not '{text}'");
            values.Add(v);
        }
        return values;
    }
}
