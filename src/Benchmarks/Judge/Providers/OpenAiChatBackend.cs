using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using Azure.AI.OpenAI;
using OpenAI;
using OpenAI.Chat;
using XGenEval.Core.Errors;

namespace XGenEval.Benchmarks.Judge.Providers;

/// <summary>
/// The judge's HTTP client: the official SDKs, <c>AzureOpenAIClient</c> (API key or Entra ID) for Azure and
/// <c>OpenAIClient</c> with a custom endpoint for everything OpenAI-compatible. The SDKs' own retries are switched off
/// (the engine retries, with Polly, and counts); errors become <see cref="JudgeCallException"/>s whose messages never
/// contain the key.
/// </summary>
public sealed class OpenAiChatBackend : IChatBackend
{
    readonly ChatClient chat;
    readonly bool reasoning;
    readonly string where;
    readonly string? key;

    public OpenAiChatBackend(JudgeSettings settings)
    {
        key = settings.Credential.Key;
        where = settings.Endpoint.Authority;
        reasoning = JudgeModels.IsReasoning(settings.RequestModel);
        // The engine's timeout cancels a request first; this only bounds a request the engine somehow lost.
        var networkTimeout = settings.Timeout + TimeSpan.FromSeconds(30);
        if (settings.Provider == JudgeProvider.Azure)
        {
            var options = settings.ApiVersion is null ? new AzureOpenAIClientOptions() : new AzureOpenAIClientOptions(AzureVersion(settings.ApiVersion));
            options.RetryPolicy = new ClientRetryPolicy(0);
            options.NetworkTimeout = networkTimeout;
            var client = settings.Credential.IsEntraId
                ? new AzureOpenAIClient(settings.Endpoint, new Azure.Identity.DefaultAzureCredential(), options)
                : new AzureOpenAIClient(settings.Endpoint, new ApiKeyCredential(key!), options);
            chat = client.GetChatClient(settings.RequestModel);
        }
        else
        {
            var options = new OpenAIClientOptions { Endpoint = settings.Endpoint, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = networkTimeout };
            if (!reasoning) options.AddPolicy(new MaxTokensFieldPolicy(), PipelinePosition.PerCall);
            chat = new OpenAIClient(new ApiKeyCredential(key!), options).GetChatClient(settings.RequestModel);
        }
    }

    /// <summary>The Azure REST API versions the SDK knows, by their date.</summary>
    static AzureOpenAIClientOptions.ServiceVersion AzureVersion(string version)
    {
        foreach (var v in Enum.GetValues<AzureOpenAIClientOptions.ServiceVersion>())
            if (v.ToString() == "V" + version.Replace('-', '_')) return v;
        var known = Enum.GetValues<AzureOpenAIClientOptions.ServiceVersion>().Select(v => v.ToString()[1..].Replace('_', '-'));
        throw new UsageException($"Azure OpenAI API version '{version}' is not one the SDK speaks ({string.Join(", ", known)})");
    }

    public async Task<ChatReply> CompleteAsync(ChatCall call, CancellationToken cancellationToken)
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = call.MaxTokens };
        if (!reasoning) options.Temperature = (float)call.Temperature;
        try
        {
            ChatCompletion completion = (await chat.CompleteChatAsync([new UserChatMessage(call.Prompt)], options, cancellationToken).ConfigureAwait(false)).Value;
            string text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            return new ChatReply(text, completion.Usage?.InputTokenCount ?? 0, completion.Usage?.OutputTokenCount ?? 0, completion.Model);
        }
        catch (ClientResultException e)
        {
            var response = e.GetRawResponse();
            int status = e.Status;
            bool transient = status is 0 or 408 or 409 or 429 or >= 500;
            string message = status == 0
                ? $"no response from {where} ({Redact(e.InnerException?.Message ?? e.Message)})"
                : $"HTTP {status} from {where}{ServerMessage(response)}";
            throw new JudgeCallException(message, transient, status == 0 ? null : status, RetryAfter(response), e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the engine's timeout or the user's Ctrl+C
        }
        catch (OperationCanceledException e)
        {
            throw new JudgeCallException($"no reply from {where} within the network timeout", transient: true, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new JudgeCallException($"connection to {where} failed ({Redact(e.Message)})", transient: true, inner: e);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NullReferenceException or InvalidOperationException or FormatException or KeyNotFoundException or IOException)
        {
            // The SDK could not read the body: a proxy's error page, a truncated or malformed JSON reply.
            throw new JudgeCallException($"malformed reply from {where} ({e.GetType().Name})", transient: true, inner: e);
        }
    }

    /// <summary>The server's own error message (<c>error.message</c>), short and without the key.</summary>
    string ServerMessage(PipelineResponse? response)
    {
        try
        {
            if (response?.Content is not { } content) return "";
            using var doc = JsonDocument.Parse(content.ToMemory());
            if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object &&
                error.TryGetProperty("message", out var m) && m.GetString() is { Length: > 0 } text)
                return ": " + Redact(text.Length > 300 ? text[..300] + "..." : text);
        }
        catch (JsonException) { }
        catch (InvalidOperationException) { } // a streamed body that was not buffered
        return "";
    }

    string Redact(string text) => key is { Length: > 0 } k && k != "EMPTY" ? text.Replace(k, "***", StringComparison.Ordinal) : text;

    /// <summary><c>retry-after-ms</c> (OpenAI, Azure) or <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    internal static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out string? ms) &&
            double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out double millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        if (!response.Headers.TryGetValue("Retry-After", out string? value) || value is null) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            return when - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
