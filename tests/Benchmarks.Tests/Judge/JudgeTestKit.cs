using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Judge.Engine;
using XGenEval.Benchmarks.Judge.Providers;
using XGenEval.Benchmarks.Tests.Support;

namespace XGenEval.Benchmarks.Tests.Judge;

/// <summary>Judge engines pointed at the loopback test server, with short test delays.</summary>
static class JudgeTestKit
{
    /// <summary>A key-shaped secret the tests look for in every file they can see.</summary>
    public const string Key = "sk-test-judge-0123456789abcdefSECRET";

    public static JudgeSettings OpenAi(ChatCompletionsServer server, string model = "judge-model") => new()
    {
        Model = model,
        Provider = JudgeProvider.OpenAI,
        Endpoint = new Uri(server.OpenAiBase),
        Credential = JudgeCredential.ApiKey(Key, "test"),
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 3,
        RetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromSeconds(1),
    };

    public static JudgeEngine Engine(JudgeSettings settings, string cacheFile) => JudgeEngine.Create(settings, cacheFile);

    /// <summary>A one-attempt query whose reply is taken as it is (null when empty).</summary>
    public static JudgeQuery Query(string item, string? prompt = null, int attempts = 1) => new()
    {
        Purpose = "test",
        Item = item,
        Attempts = [.. Enumerable.Range(0, attempts).Select(i => new JudgeAttempt(prompt ?? "question " + item, 0.5 * i, 8))],
        Parse = reply => reply == "?" ? null : reply,
    };

    /// <summary>Asks, answers what is pending, asks again: the verdict a scorer would finally see.</summary>
    public static JudgeVerdict Ask(JudgeEngine engine, JudgeQuery query, string benchmark = "bench", int repeat = 0)
    {
        var first = engine.Evaluate(benchmark, repeat, query);
        if (first.Outcome != JudgeOutcome.Pending) return first;
        engine.ResolveAsync(benchmark, repeat, [query], CancellationToken.None).GetAwaiter().GetResult();
        return engine.Evaluate(benchmark, repeat, query);
    }
}
