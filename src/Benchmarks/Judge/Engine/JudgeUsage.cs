namespace XGenEval.Benchmarks.Judge.Engine;

/// <summary>What the judge cost over a span of work (take <see cref="Minus"/> of two snapshots for one benchmark).</summary>
/// <param name="Requests">HTTP requests sent, retries included.</param>
/// <param name="Replies">Requests that brought a reply.</param>
/// <param name="Retries">Requests sent again after a 429, 5xx, timeout or malformed reply.</param>
/// <param name="FailedRequests">Requests that got no reply after every retry (or were refused outright).</param>
/// <param name="CachedReplies">Replies found in the cache instead of asked for.</param>
/// <param name="ResponseModels">The model names the API said answered (e.g. gpt-4o-mini-2024-07-18).</param>
public sealed record JudgeUsage(long Requests, long Replies, long Retries, long FailedRequests, long CachedReplies,
    long PromptTokens, long CompletionTokens, IReadOnlySet<string> ResponseModels)
{
    public static readonly JudgeUsage Zero = new(0, 0, 0, 0, 0, 0, 0, new SortedSet<string>(StringComparer.Ordinal));

    public JudgeUsage Minus(JudgeUsage earlier) => new(Requests - earlier.Requests, Replies - earlier.Replies, Retries - earlier.Retries,
        FailedRequests - earlier.FailedRequests, CachedReplies - earlier.CachedReplies, PromptTokens - earlier.PromptTokens,
        CompletionTokens - earlier.CompletionTokens, ResponseModels);
}

/// <summary>Thread-safe counters behind <see cref="JudgeUsage"/>.</summary>
sealed class UsageCounters
{
    long requests, replies, retries, failed, cached, promptTokens, completionTokens;
    readonly SortedSet<string> models = new(StringComparer.Ordinal);

    public void Request() => Interlocked.Increment(ref requests);
    public void Retry() => Interlocked.Increment(ref retries);
    public void Failed() => Interlocked.Increment(ref failed);
    public void Cached() => Interlocked.Increment(ref cached);

    public void Reply(int prompt, int completion, string? model)
    {
        Interlocked.Increment(ref replies);
        Interlocked.Add(ref promptTokens, prompt);
        Interlocked.Add(ref completionTokens, completion);
        if (model is not null) lock (models) models.Add(model);
    }

    public JudgeUsage Snapshot()
    {
        lock (models)
            return new JudgeUsage(Interlocked.Read(ref requests), Interlocked.Read(ref replies), Interlocked.Read(ref retries), Interlocked.Read(ref failed),
                Interlocked.Read(ref cached), Interlocked.Read(ref promptTokens), Interlocked.Read(ref completionTokens), new SortedSet<string>(models, StringComparer.Ordinal));
    }
}
