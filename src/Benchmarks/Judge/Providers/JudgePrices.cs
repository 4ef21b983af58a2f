namespace XGenEval.Benchmarks.Judge.Providers;

/// <summary>
/// List prices of the usual judge models in US dollars per million prompt / completion tokens (OpenAI's standard,
/// non-batch prices as published when this table was written; Azure's pay-as-you-go prices for the same models are
/// the same or close). They only make the cost estimate; check your provider's and pass <c>--judge-price IN/OUT</c>
/// when they differ. Models not here (local servers) get no estimate.
/// </summary>
public static class JudgePrices
{
    public const string TableSource = "xgen-eval price table (docs/judge.md)";

    static readonly (string Model, decimal Input, decimal Output)[] Table =
    [
        ("gpt-4o-mini-2024-07-18", 0.15m, 0.60m),
        ("gpt-4o-mini", 0.15m, 0.60m),
        ("gpt-4o-2024-05-13", 5.00m, 15.00m),
        ("gpt-4o-2024-08-06", 2.50m, 10.00m),
        ("gpt-4o-2024-11-20", 2.50m, 10.00m),
        ("gpt-4o", 2.50m, 10.00m),
        ("gpt-4.1-nano", 0.10m, 0.40m),
        ("gpt-4.1-mini", 0.40m, 1.60m),
        ("gpt-4.1", 2.00m, 8.00m),
        ("gpt-4-turbo-2024-04-09", 10.00m, 30.00m),
        ("gpt-4-1106-preview", 10.00m, 30.00m),
        ("gpt-4-0125-preview", 10.00m, 30.00m),
        ("gpt-4-turbo", 10.00m, 30.00m),
        ("gpt-4-0613", 30.00m, 60.00m),
        ("gpt-4", 30.00m, 60.00m),
        ("gpt-3.5-turbo-0125", 0.50m, 1.50m),
        ("gpt-3.5-turbo-1106", 1.00m, 2.00m),
        ("gpt-3.5-turbo", 0.50m, 1.50m),
    ];

    /// <summary>The price for a model version: <paramref name="given"/> if any, else the table's exact entry.</summary>
    public static JudgePrice? For(string version, JudgePrice? given = null)
    {
        if (given is not null) return given;
        foreach (var (model, input, output) in Table)
            if (string.Equals(model, version, StringComparison.OrdinalIgnoreCase)) return new JudgePrice(input, output, TableSource);
        return null;
    }
}
