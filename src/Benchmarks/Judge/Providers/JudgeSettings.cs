namespace XGenEval.Benchmarks.Judge.Providers;

/// <summary>Which API family the judge speaks.</summary>
public enum JudgeProvider
{
    /// <summary>The OpenAI API or any server that speaks it (vLLM, llama.cpp, LMDeploy, SGLang): <c>{base}/chat/completions</c>
    /// with a bearer key.</summary>
    OpenAI,

    /// <summary>Azure OpenAI: <c>{endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...</c> with an
    /// <c>api-key</c> header or an Entra ID token.</summary>
    Azure,
}

/// <summary>A price in US dollars per million prompt (input) and completion (output) tokens.</summary>
public sealed record JudgePrice(decimal InputPerMillion, decimal OutputPerMillion, string Source)
{
    public decimal Cost(long promptTokens, long completionTokens) =>
        (promptTokens * InputPerMillion + completionTokens * OutputPerMillion) / 1_000_000m;
}

/// <summary>Everything about the judge: who it is, where, how it is asked, and how hard we try.</summary>
public sealed record JudgeSettings
{
    /// <summary>The model as named on the command line (an OpenAI model, a VLMEvalKit alias, a served model name).</summary>
    public required string Model { get; init; }

    public required JudgeProvider Provider { get; init; }

    /// <summary>The OpenAI-compatible base URL (ending in /v1 for OpenAI itself), or the Azure resource endpoint.</summary>
    public required Uri Endpoint { get; init; }

    public required JudgeCredential Credential { get; init; }

    /// <summary>Azure: the deployment that serves the model.</summary>
    public string? Deployment { get; init; }

    /// <summary>Azure: the REST API version (the SDK's default when null).</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The model version recorded in manifests and cache keys (<c>--judge-version</c>; default: the VLMEvalKit
    /// alias's version, else the model name). Replies cached under one version are never used for another.</summary>
    public string? Version { get; init; }

    /// <summary>Queries answered at once (VLMEvalKit's <c>--judge-api-nproc</c> default is 4).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>How long one HTTP request may take before it is abandoned and retried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries of one request after a 429, a 5xx, a timeout, a dropped connection or a malformed reply.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>The first backoff delay (doubled per retry, with jitter) when the server sends no Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two tries (a longer Retry-After is cut to this).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How many times every judge query is asked (each repeat has its own cache entries).</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>A cache folder shared by runs (<c>--judge-cache</c>), besides the run's own cache file.</summary>
    public string? SharedCacheDirectory { get; init; }

    /// <summary>The price used for the cost estimate (null: the table's, if it knows the model).</summary>
    public JudgePrice? Price { get; init; }

    public string ResolvedVersion => Version ?? JudgeModels.Resolve(Model);

    /// <summary>The model name sent in requests: the Azure deployment, or the resolved OpenAI model.</summary>
    public string RequestModel => Provider == JudgeProvider.Azure ? Deployment ?? Model : JudgeModels.Resolve(Model);

    /// <summary>For reports: "gpt-4o-mini (gpt-4o-mini-2024-07-18, OpenAI-compatible at api.openai.com)".</summary>
    public string Name => $"{Model} ({ResolvedVersion}, {(Provider == JudgeProvider.Azure ? "Azure OpenAI" : "OpenAI-compatible")} at {Endpoint.Authority})";
}
