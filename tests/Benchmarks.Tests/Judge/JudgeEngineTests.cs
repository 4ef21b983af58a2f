using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Judge.Engine;
using XGenEval.Benchmarks.Tests.Support;
using static XGenEval.Benchmarks.Tests.Judge.JudgeTestKit;

namespace XGenEval.Benchmarks.Tests.Judge;

/// <summary>The judge engine against a real chat-completions server on loopback: scripted answers, 429s with
/// Retry-After, 500s, answers slower than the timeout, malformed JSON, refused keys.</summary>
public sealed class JudgeEngineTests : TempDir
{
    string CacheFile => File("judge/cache.jsonl");

    [Fact]
    public async Task RepliesAreCachedSoAskingAgainSendsNothing()
    {
        using var server = new ChatCompletionsServer(r => ChatServerResponse.Reply("answer to " + r.Prompt, promptTokens: 40, completionTokens: 3));
        var queries = Enumerable.Range(1, 5).Select(i => Query(i.ToString())).ToList();
        using (var engine = Engine(OpenAi(server), CacheFile))
        {
            Assert.All(queries, q => Assert.Equal(JudgeOutcome.Pending, engine.Evaluate("bench", 0, q).Outcome));
            await engine.ResolveAsync("bench", 0, queries, CancellationToken.None);
            Assert.All(queries, q => Assert.Equal("answer to question " + q.Item, engine.Evaluate("bench", 0, q).Value));
            var usage = engine.Usage;
            Assert.Equal((5, 5, 200, 15, 0), (usage.Requests, usage.Replies, usage.PromptTokens, usage.CompletionTokens, usage.CachedReplies));
            Assert.Contains("judge-model-2024-01-01", usage.ResponseModels);
        }
        Assert.Equal(5, server.Requests.Count);

        using (var again = Engine(OpenAi(server), CacheFile))
        {
            Assert.All(queries, q => Assert.Equal("answer to question " + q.Item, again.Evaluate("bench", 0, q).Value));
            Assert.Equal(5, again.Usage.CachedReplies);
            Assert.Equal(0, again.Usage.Requests);
        }
        Assert.Equal(5, server.Requests.Count); // nothing new reached the server

        // Another repeat, another version or another benchmark is another request.
        using var other = Engine(OpenAi(server) with { Version = "v2" }, CacheFile);
        Assert.Equal(JudgeOutcome.Pending, other.Evaluate("bench", 0, queries[0]).Outcome);
        Assert.Equal(JudgeOutcome.Pending, other.Evaluate("bench", 1, queries[0]).Outcome);
        Assert.Equal(JudgeOutcome.Pending, other.Evaluate("other", 0, queries[0]).Outcome);
    }

    [Fact]
    public void A429WithRetryAfterIsWaitedOutThenRetried()
    {
        int calls = 0;
        using var server = new ChatCompletionsServer(_ => Interlocked.Increment(ref calls) switch
        {
            1 => ChatServerResponse.Error(429, "Rate limit reached", new Dictionary<string, string> { ["retry-after-ms"] = "250" }),
            2 => ChatServerResponse.Error(429, "Rate limit reached", new Dictionary<string, string> { ["Retry-After"] = "30" }),
            _ => ChatServerResponse.Reply("B"),
        });
        var retries = new List<JudgeRetry>();
        using var engine = Engine(OpenAi(server) with { MaxRetryDelay = TimeSpan.FromMilliseconds(400) }, CacheFile);
        engine.Retrying += retries.Add;
        Assert.Equal("B", Ask(engine, Query("1")).Value);
        Assert.Equal(3, server.Requests.Count);
        // The server's wait is honoured (250 ms), a longer one is cut to the maximum (30 s -> 400 ms).
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(400)], retries.Select(r => r.Delay));
        Assert.All(retries, r => Assert.Contains("HTTP 429", r.Reason));
        Assert.Equal(2, engine.Usage.Retries);
    }

    [Fact]
    public void ServerErrorsAndMalformedRepliesAreRetried()
    {
        int calls = 0;
        using var server = new ChatCompletionsServer(_ => Interlocked.Increment(ref calls) switch
        {
            1 => ChatServerResponse.Error(500, "internal error"),
            2 => ChatServerResponse.Malformed(),
            3 => ChatServerResponse.Reply(""), // an empty reply is no reply
            _ => ChatServerResponse.Reply("Yes"),
        });
        var retries = new List<JudgeRetry>();
        using var engine = Engine(OpenAi(server), CacheFile);
        engine.Retrying += retries.Add;
        var verdict = Ask(engine, Query("1"));
        Assert.Equal((JudgeOutcome.Answered, "Yes"), (verdict.Outcome, verdict.Value));
        Assert.Equal(4, server.Requests.Count);
        Assert.Collection(retries,
            r => Assert.Contains("HTTP 500", r.Reason),
            r => Assert.Contains("malformed reply", r.Reason),
            r => Assert.Contains("empty reply", r.Reason));
    }

    [Fact]
    public void AnAnswerSlowerThanTheTimeoutIsAbandonedAndAskedAgain()
    {
        int calls = 0;
        using var server = new ChatCompletionsServer(_ => Interlocked.Increment(ref calls) == 1
            ? ChatServerResponse.Reply("late") with { Delay = TimeSpan.FromSeconds(20) }
            : ChatServerResponse.Reply("on time"));
        var retries = new List<JudgeRetry>();
        using var engine = Engine(OpenAi(server) with { Timeout = TimeSpan.FromMilliseconds(300) }, CacheFile);
        engine.Retrying += retries.Add;
        Assert.Equal("on time", Ask(engine, Query("1")).Value);
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(retries);
    }

    [Fact]
    public async Task AJudgeThatKeepsFailingFailsItsQueriesAndCachesNothing()
    {
        using var failing = new ChatCompletionsServer(_ => ChatServerResponse.Error(503, "overloaded"));
        var queries = Enumerable.Range(1, 3).Select(i => Query(i.ToString())).ToList();
        using (var engine = Engine(OpenAi(failing) with { MaxRetries = 2 }, CacheFile))
        {
            await engine.ResolveAsync("bench", 0, queries, CancellationToken.None);
            Assert.All(queries, q => Assert.Equal(JudgeOutcome.Failed, engine.Evaluate("bench", 0, q).Outcome));
            Assert.Equal(9, failing.Requests.Count); // 1 + 2 retries each
            Assert.Equal((9, 0, 3), (engine.Usage.Requests, engine.Usage.Replies, engine.Usage.FailedRequests));
            Assert.Contains(engine.FailureSummary(), f => f.Message.Contains("HTTP 503") && f.Count == 3);
        }
        // Nothing was cached: a later scoring with a working judge asks again and gets answers.
        using var working = new ChatCompletionsServer(_ => ChatServerResponse.Reply("A"));
        using var retry = Engine(OpenAi(working), CacheFile);
        Assert.All(queries, q => Assert.Equal(JudgeOutcome.Pending, retry.Evaluate("bench", 0, q).Outcome));
        await retry.ResolveAsync("bench", 0, queries, CancellationToken.None);
        Assert.All(queries, q => Assert.Equal("A", retry.Evaluate("bench", 0, q).Value));
    }

    [Fact]
    public async Task ARefusedKeyFailsTheRestWithoutSendingThem()
    {
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Error(401, $"Incorrect API key provided: {Key}"));
        var warnings = new List<string>();
        var queries = Enumerable.Range(1, 6).Select(i => Query(i.ToString())).ToList();
        using var engine = new JudgeEngine(OpenAi(server) with { Concurrency = 1 },
            new XGenEval.Benchmarks.Judge.Providers.OpenAiChatBackend(OpenAi(server)), JudgeCache.Open(CacheFile), warnings.Add);
        await engine.ResolveAsync("bench", 0, queries, CancellationToken.None);
        Assert.All(queries, q => Assert.Equal(JudgeOutcome.Failed, engine.Evaluate("bench", 0, q).Outcome));
        Assert.Single(server.Requests); // a 401 is not retried, and stops the rest
        Assert.Contains("HTTP 401", engine.FatalError);
        Assert.DoesNotContain(Key, engine.FatalError); // the server echoed the key; the message does not
        Assert.Single(warnings);
    }

    [Fact]
    public void UnreadableRepliesMoveToTheNextAttempt()
    {
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Reply("?"));
        using var engine = Engine(OpenAi(server), CacheFile);
        var verdict = Ask(engine, Query("1", attempts: 3));
        Assert.Equal((JudgeOutcome.Unusable, 3, "?"), (verdict.Outcome, verdict.Attempts, verdict.Reply));
        Assert.Equal([0.0, 0.5, 1.0], server.Requests.Select(r => r.Temperature ?? -1));
        // The unusable replies are replies: cached, so scoring again is reproducible and free.
        using var again = Engine(OpenAi(server), CacheFile);
        Assert.Equal(JudgeOutcome.Unusable, again.Evaluate("bench", 0, Query("1", attempts: 3)).Outcome);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task NoMoreRequestsAreInFlightThanTheConcurrency()
    {
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Reply("ok") with { Delay = TimeSpan.FromMilliseconds(50) });
        using var engine = Engine(OpenAi(server) with { Concurrency = 3 }, CacheFile);
        var queries = Enumerable.Range(1, 12).Select(i => Query(i.ToString())).ToList();
        await engine.ResolveAsync("bench", 0, queries, CancellationToken.None);
        Assert.Equal(12, server.Requests.Count);
        Assert.InRange(server.MaxInFlight, 1, 3);
    }

    [Fact]
    public void OpenAiRequestsCarryTheBearerKeyTheResolvedModelAndMaxTokens()
    {
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Reply("A"));
        using var engine = Engine(OpenAi(server, model: "gpt-4o-mini"), CacheFile);
        Ask(engine, new JudgeQuery { Purpose = "test", Item = "1", Attempts = [new JudgeAttempt("hello", 0.5, 7)], Parse = r => r });
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/chat/completions"), (request.Method, request.Path));
        Assert.Equal("Bearer " + Key, request.Header("Authorization"));
        Assert.Equal("gpt-4o-mini-2024-07-18", request.Model); // VLMEvalKit's alias
        Assert.Equal("hello", request.Prompt);
        Assert.Equal(0.5, request.Temperature);
        Assert.Equal(7, request.Json!["max_tokens"]!.GetValue<int>());
        Assert.Null(request.Json!["max_completion_tokens"]);
    }

    [Fact]
    public void AzureRequestsGoToTheDeploymentWithTheApiKeyHeader()
    {
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Reply("No"));
        var settings = OpenAi(server) with
        {
            Provider = XGenEval.Benchmarks.Judge.Providers.JudgeProvider.Azure,
            Endpoint = new Uri(server.AzureEndpoint),
            Deployment = "judge-deployment",
            ApiVersion = "2024-10-21",
        };
        using var engine = Engine(settings, CacheFile);
        Assert.Equal("No", Ask(engine, Query("1")).Value);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/judge-deployment/chat/completions", request.Path);
        Assert.Equal("api-version=2024-10-21", request.Query);
        Assert.Equal(Key, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }
}
