namespace XGenEval.Benchmarks.Judge.Providers;

/// <summary>One chat-completions request: a single user message.</summary>
public sealed record ChatCall(string Prompt, double Temperature, int MaxTokens);

/// <summary>The reply's text (empty when the model sent none), its token counts and the model the server says answered.</summary>
public sealed record ChatReply(string Text, int PromptTokens, int CompletionTokens, string? Model);

/// <summary>Sends one request, once: retries, timeouts and concurrency are the engine's (<see cref="Engine.JudgeEngine"/>).
/// Failures are <see cref="JudgeCallException"/>s that say whether trying again may help.</summary>
public interface IChatBackend
{
    Task<ChatReply> CompleteAsync(ChatCall call, CancellationToken cancellationToken);
}

/// <summary>A request that got no usable reply.</summary>
/// <param name="Transient">True when the same request may succeed later (429, 5xx, timeouts, dropped connections,
/// malformed replies); false for errors that will not go away (a refused key, an unknown model, a bad request).</param>
/// <param name="Status">The HTTP status, when there was a response.</param>
/// <param name="RetryAfter">How long the server asked us to wait (Retry-After / retry-after-ms).</param>
public sealed class JudgeCallException(string message, bool transient, int? status = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Transient { get; } = transient;
    public int? Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
