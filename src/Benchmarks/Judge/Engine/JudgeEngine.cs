using System.Collections.Concurrent;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Judge.Providers;

namespace XGenEval.Benchmarks.Judge.Engine;

/// <summary>A request about to be sent again: which retry, after how long, and why.</summary>
public sealed record JudgeRetry(int Retry, TimeSpan Delay, string Reason);

/// <summary>
/// Answers judge queries: the cache first, then the API through a Polly pipeline (a timeout per request inside
/// retries with exponential backoff and jitter, or the server's Retry-After), at most
/// <see cref="JudgeSettings.Concurrency"/> queries at a time, each query's attempts one after the other. Replies are
/// cached as they come; failures are remembered for this process only. Scorers reach it through <see cref="JudgeView"/>.
/// </summary>
public sealed class JudgeEngine : IDisposable
{
    readonly IChatBackend backend;
    readonly JudgeCache cache;
    readonly ResiliencePipeline pipeline;
    readonly Action<string> warn;
    readonly ConcurrentDictionary<string, string> failures = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> fresh = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> countedHits = new(StringComparer.Ordinal);
    readonly UsageCounters usage = new();
    string? fatal;

    public JudgeEngine(JudgeSettings settings, IChatBackend backend, JudgeCache cache, Action<string>? warn = null)
    {
        Settings = settings;
        this.backend = backend;
        this.cache = cache;
        this.warn = warn ?? (_ => { });
        pipeline = BuildPipeline(settings);
        if (cache.SkippedLines > 0) this.warn($"judge cache: {cache.SkippedLines} unreadable line(s) skipped");
    }

    /// <summary>An engine with the SDK backend and the cache in <paramref name="cacheFile"/> (plus the shared cache).</summary>
    public static JudgeEngine Create(JudgeSettings settings, string cacheFile, Action<string>? warn = null)
    {
        var cache = JudgeCache.Open(cacheFile, settings.SharedCacheDirectory is { } shared ? Path.Combine(shared, JudgeCache.SharedFileName) : null);
        try
        {
            return new JudgeEngine(settings, new OpenAiChatBackend(settings), cache, warn);
        }
        catch
        {
            cache.Dispose();
            throw;
        }
    }

    public JudgeSettings Settings { get; }

    public JudgeUsage Usage => usage.Snapshot();

    /// <summary>An error that every further request would meet (a refused key, an unknown model or deployment): once
    /// seen, the remaining queries fail at once instead of each being refused in turn.</summary>
    public string? FatalError => Volatile.Read(ref fatal);

    /// <summary>Raised before a request is sent again (from the thread that sends it).</summary>
    public event Action<JudgeRetry>? Retrying;

    ResiliencePipeline BuildPipeline(JudgeSettings s)
    {
        var builder = new ResiliencePipelineBuilder();
        if (s.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = s.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = s.RetryDelay,
                MaxDelay = s.MaxRetryDelay,
                ShouldHandle = new PredicateBuilder().Handle<JudgeCallException>(e => e.Transient).Handle<TimeoutRejectedException>(),
                // The server knows best how long to wait (429s carry it); capped so a bad header cannot stall a run.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is JudgeCallException { RetryAfter: { } wait }
                    ? (TimeSpan?)(wait < s.MaxRetryDelay ? wait : s.MaxRetryDelay)
                    : null),
                OnRetry = args =>
                {
                    usage.Retry();
                    Retrying?.Invoke(new JudgeRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "no reply"));
                    return default;
                },
            });
        }
        return builder.AddTimeout(s.Timeout).Build();
    }

    JudgeRequestKey KeyOf(string benchmark, int repeat, JudgeQuery query, int attempt)
    {
        var a = query.Attempts[attempt];
        return new JudgeRequestKey(Settings.ResolvedVersion, query.Purpose, benchmark, query.Item, JudgeRequestKey.PromptHash(a.Prompt),
            a.Temperature, a.MaxTokens, attempt, repeat);
    }

    /// <summary>How far <paramref name="query"/> has got with the replies known so far (Pending: a request is due).</summary>
    public JudgeVerdict Evaluate(string benchmark, int repeat, JudgeQuery query)
    {
        string? last = null;
        for (int i = 0; i < query.Attempts.Count; i++)
        {
            string key = KeyOf(benchmark, repeat, query, i).Hash;
            if (cache.TryGet(key, out var entry))
            {
                if (!fresh.ContainsKey(key) && countedHits.TryAdd(key, 0)) usage.Cached();
                last = entry.Reply;
                if (query.Parse(entry.Reply) is { } value) return new JudgeVerdict(JudgeOutcome.Answered, value, entry.Reply, i + 1);
                continue;
            }
            if (failures.ContainsKey(key)) return new JudgeVerdict(JudgeOutcome.Failed, null, last, i + 1);
            return JudgeVerdict.Pending;
        }
        return new JudgeVerdict(JudgeOutcome.Unusable, null, last, query.Attempts.Count);
    }

    /// <summary>Sends what <paramref name="queries"/> still need, at most <see cref="JudgeSettings.Concurrency"/> at once.</summary>
    public async Task ResolveAsync(string benchmark, int repeat, IReadOnlyList<JudgeQuery> queries, CancellationToken cancellationToken)
    {
        var distinct = queries.DistinctBy(q => KeyOf(benchmark, repeat, q, 0).Hash).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(distinct, options, async (query, token) =>
        {
            for (int i = 0; i < query.Attempts.Count; i++)
            {
                var key = KeyOf(benchmark, repeat, query, i);
                string hash = key.Hash;
                string? reply = cache.TryGet(hash, out var entry) ? entry.Reply
                    : failures.ContainsKey(hash) ? null
                    : await SendAsync(key, query.Attempts[i], token).ConfigureAwait(false);
                if (reply is null || query.Parse(reply) is not null) return; // failed, or answered
            }
        }).ConfigureAwait(false);
    }

    /// <summary>One request through the pipeline; its reply (cached), or null with the failure remembered.</summary>
    async Task<string?> SendAsync(JudgeRequestKey key, JudgeAttempt attempt, CancellationToken cancellationToken)
    {
        string hash = key.Hash;
        if (FatalError is { } refused)
        {
            failures[hash] = refused;
            usage.Failed();
            return null;
        }
        try
        {
            var reply = await pipeline.ExecuteAsync(async token =>
            {
                usage.Request();
                var r = await backend.CompleteAsync(new ChatCall(attempt.Prompt, attempt.Temperature, attempt.MaxTokens), token).ConfigureAwait(false);
                // An empty reply is a failed request for VLMEvalKit and the official scripts alike: ask again, never cache it.
                if (r.Text.Length == 0) throw new JudgeCallException("empty reply", transient: true);
                usage.Reply(r.PromptTokens, r.CompletionTokens, r.Model);
                return r;
            }, cancellationToken).ConfigureAwait(false);
            fresh.TryAdd(hash, 0);
            cache.Add(new JudgeCacheEntry
            {
                Key = hash, Judge = Settings.Model, Version = key.Version, Purpose = key.Purpose, Benchmark = key.Benchmark, Item = key.Item,
                PromptSha256 = key.PromptSha256, Temperature = key.Temperature, MaxTokens = key.MaxTokens, Attempt = key.Attempt, Repeat = key.Repeat,
                Reply = reply.Text, ResponseModel = reply.Model, PromptTokens = reply.PromptTokens, CompletionTokens = reply.CompletionTokens,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return reply.Text;
        }
        catch (Exception e) when (e is JudgeCallException or TimeoutRejectedException)
        {
            string message = e is TimeoutRejectedException ? $"no reply within {Settings.Timeout.TotalSeconds:0.###} s" : e.Message;
            if (e is JudgeCallException { Transient: false, Status: 401 or 403 or 404 } && Interlocked.CompareExchange(ref fatal, message, null) is null)
                warn($"judge: {message}; the remaining judge queries fail without being sent");
            failures[hash] = message;
            usage.Failed();
            return null;
        }
    }

    /// <summary>The failure messages of this process, most frequent first (for the report).</summary>
    public IReadOnlyList<(string Message, int Count)> FailureSummary() =>
        [.. failures.Values.GroupBy(m => m).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)];

    public void Dispose() => cache.Dispose();
}
