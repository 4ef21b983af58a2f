using XGenEval.Core.Errors;

namespace XGenEval.Benchmarks.Judge.Providers;

/// <summary>
/// What the user said about the judge on the command line (null: not said); <see cref="Resolve"/> completes it from the
/// environment variables users of the OpenAI and Azure SDKs (and of VLMEvalKit) already set.
/// </summary>
public sealed record JudgeConfiguration
{
    /// <summary>The value of <c>--judge</c> that turns the judge off.</summary>
    public const string None = "none";

    public string? Model { get; init; }
    public string? Provider { get; init; }
    public string? Endpoint { get; init; }
    public string? Key { get; init; }
    public string? Deployment { get; init; }
    public string? ApiVersion { get; init; }
    public string? Version { get; init; }
    public int? Concurrency { get; init; }
    public double? TimeoutSeconds { get; init; }
    public int? MaxRetries { get; init; }
    public double? RetryDelaySeconds { get; init; }
    public int? Repeats { get; init; }
    public string? SharedCacheDirectory { get; init; }

    /// <summary><c>--judge-price IN/OUT</c>: US dollars per million prompt / completion tokens.</summary>
    public string? Price { get; init; }

    public bool IsOff => Model is null || string.Equals(Model, None, StringComparison.OrdinalIgnoreCase);

    public const string OpenAiDefaultBase = "https://api.openai.com/v1";

    /// <summary>
    /// The judge's settings, or null for <c>--judge none</c>. Provider: <c>--judge-provider</c>; else Azure when the
    /// endpoint given is an Azure one (*.openai.azure.com, *.cognitiveservices.azure.com) or, with no endpoint given,
    /// when <c>AZURE_OPENAI_ENDPOINT</c> is set and neither <c>OPENAI_BASE_URL</c> nor <c>OPENAI_API_BASE</c> is;
    /// else OpenAI-compatible. OpenAI-compatible: base URL from <c>--judge-endpoint</c>, <c>OPENAI_BASE_URL</c>,
    /// <c>OPENAI_API_BASE</c> (VLMEvalKit's; a trailing /chat/completions is dropped), else api.openai.com; key from
    /// <c>--judge-key</c> or <c>OPENAI_API_KEY</c> (required by api.openai.com; a local server without one gets the
    /// placeholder "EMPTY"). Azure: endpoint from <c>--judge-endpoint</c> or <c>AZURE_OPENAI_ENDPOINT</c>; key from
    /// <c>--judge-key</c> or <c>AZURE_OPENAI_API_KEY</c>, else Entra ID; deployment from <c>--judge-deployment</c>,
    /// <c>AZURE_OPENAI_DEPLOYMENT_NAME</c>, else the model name; API version from <c>--judge-api-version</c>,
    /// <c>OPENAI_API_VERSION</c> or <c>AZURE_OPENAI_API_VERSION</c>, else the SDK's default.
    /// </summary>
    public JudgeSettings? Resolve(Func<string, string?> environment)
    {
        if (IsOff) return null;
        string? Env(string name) => environment(name) is { Length: > 0 } v ? v : null;

        var provider = Provider?.ToLowerInvariant() switch
        {
            null or "auto" => Endpoint is not null
                ? (IsAzureHost(Endpoint) ? JudgeProvider.Azure : JudgeProvider.OpenAI)
                : Env("AZURE_OPENAI_ENDPOINT") is not null && Env("OPENAI_BASE_URL") is null && Env("OPENAI_API_BASE") is null
                    ? JudgeProvider.Azure : JudgeProvider.OpenAI,
            "openai" => JudgeProvider.OpenAI,
            "azure" => JudgeProvider.Azure,
            var other => throw new UsageException($"--judge-provider {other}: use auto, openai or azure"),
        };

        Uri endpoint;
        JudgeCredential credential;
        if (provider == JudgeProvider.Azure)
        {
            string url = Endpoint ?? Env("AZURE_OPENAI_ENDPOINT")
                ?? throw new UsageException("the Azure OpenAI judge needs an endpoint: --judge-endpoint or $AZURE_OPENAI_ENDPOINT");
            endpoint = ParseUrl(url);
            credential = Key is not null ? JudgeCredential.ApiKey(Key, "--judge-key")
                : Env("AZURE_OPENAI_API_KEY") is { } k ? JudgeCredential.ApiKey(k, "$AZURE_OPENAI_API_KEY")
                : JudgeCredential.EntraId();
        }
        else
        {
            string url = Endpoint ?? Env("OPENAI_BASE_URL") ?? StripChatPath(Env("OPENAI_API_BASE")) ?? OpenAiDefaultBase;
            endpoint = ParseUrl(url);
            credential = Key is not null ? JudgeCredential.ApiKey(Key, "--judge-key")
                : Env("OPENAI_API_KEY") is { } k ? JudgeCredential.ApiKey(k, "$OPENAI_API_KEY")
                : endpoint.Host == "api.openai.com"
                    ? throw new UsageException("the OpenAI judge needs a key: set $OPENAI_API_KEY (or --judge-key)")
                    : JudgeCredential.ApiKey("EMPTY", "none (local server)");
        }

        var settings = new JudgeSettings
        {
            Model = Model!,
            Provider = provider,
            Endpoint = endpoint,
            Credential = credential,
            Deployment = provider == JudgeProvider.Azure ? Deployment ?? Env("AZURE_OPENAI_DEPLOYMENT_NAME") ?? Model : null,
            ApiVersion = provider == JudgeProvider.Azure ? ApiVersion ?? Env("OPENAI_API_VERSION") ?? Env("AZURE_OPENAI_API_VERSION") : null,
            Version = Version,
            SharedCacheDirectory = SharedCacheDirectory ?? Env("XGEN_EVAL_JUDGE_CACHE"),
            Price = Price is null ? null : ParsePrice(Price),
        };
        if (Concurrency is int c) settings = settings with { Concurrency = c >= 1 ? c : throw new UsageException("--judge-concurrency must be at least 1") };
        if (TimeoutSeconds is double t) settings = settings with { Timeout = t > 0 ? TimeSpan.FromSeconds(t) : throw new UsageException("--judge-timeout must be positive") };
        if (MaxRetries is int r) settings = settings with { MaxRetries = r >= 0 ? r : throw new UsageException("--judge-retries must be 0 or more") };
        if (RetryDelaySeconds is double d) settings = settings with { RetryDelay = d >= 0 ? TimeSpan.FromSeconds(d) : throw new UsageException("--judge-retry-delay must be 0 or more") };
        if (Repeats is int n) settings = settings with { Repeats = n >= 1 ? n : throw new UsageException("--judge-repeats must be at least 1") };
        return settings;
    }

    static bool IsAzureHost(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) &&
        (u.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase) || u.Host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase));

    static string? StripChatPath(string? url) =>
        url is null ? null : url.EndsWith("/chat/completions", StringComparison.Ordinal) ? url[..^"/chat/completions".Length] : url;

    static Uri ParseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u
            : throw new UsageException($"judge endpoint '{url}' is not an http(s) URL");

    static JudgePrice ParsePrice(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 &&
            decimal.TryParse(parts[0], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var input) &&
            decimal.TryParse(parts[1], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var output) &&
            input >= 0 && output >= 0)
            return new JudgePrice(input, output, "--judge-price");
        throw new UsageException($"--judge-price {text}: give US dollars per million prompt/completion tokens, e.g. 0.15/0.60");
    }
}
