using System.CommandLine;
using XGenEval.Benchmarks.Judge.Providers;

namespace XGenEval.Cli.Cli;

/// <summary>The --judge options of `run`, `score` and `judge` (docs/judge.md), defined once so they read the same.</summary>
public sealed class JudgeOptions
{
    readonly Option<string?> model = new("--judge")
    {
        Description = "LLM judge for answers the rules cannot read, MathVista's extraction and MM-Vet's grading: a model name (gpt-4o-mini, a VLMEvalKit alias, a served model), or none (default: exact matching only)",
        HelpName = "MODEL",
    };
    readonly Option<string?> provider = new("--judge-provider") { Description = "auto (default), openai (any OpenAI-compatible server) or azure", HelpName = "NAME" };
    readonly Option<string?> endpoint = new("--judge-endpoint") { Description = "OpenAI-compatible base URL (else $OPENAI_BASE_URL, $OPENAI_API_BASE, api.openai.com) or Azure endpoint (else $AZURE_OPENAI_ENDPOINT)", HelpName = "URL" };
    readonly Option<string?> key = new("--judge-key") { Description = "API key (better: $OPENAI_API_KEY or $AZURE_OPENAI_API_KEY; Azure without a key uses Entra ID)", HelpName = "KEY" };
    readonly Option<string?> deployment = new("--judge-deployment") { Description = "Azure deployment (else $AZURE_OPENAI_DEPLOYMENT_NAME, else the model)", HelpName = "NAME" };
    readonly Option<string?> apiVersion = new("--judge-api-version") { Description = "Azure API version (else $OPENAI_API_VERSION)", HelpName = "VERSION" };
    readonly Option<string?> version = new("--judge-version") { Description = "The judge's model version, recorded and part of the cache key (default: the alias's dated version, else the model)", HelpName = "VERSION" };
    readonly Option<int?> concurrency = new("--judge-concurrency") { Description = "Judge requests at once (default 4)", HelpName = "N" };
    readonly Option<double?> timeout = new("--judge-timeout") { Description = "Seconds one judge request may take before it is retried (default 120)", HelpName = "SECONDS" };
    readonly Option<int?> retries = new("--judge-retries") { Description = "Retries of a request after 429, 5xx, timeouts or malformed replies (default 6)", HelpName = "N" };
    readonly Option<double?> retryDelay = new("--judge-retry-delay") { Description = "First backoff delay in seconds when the server gives no Retry-After (default 2; doubles, with jitter)", HelpName = "SECONDS" };
    readonly Option<int?> repeats = new("--judge-repeats") { Description = "Judge everything N times and report the mean, spread and agreement (default 1)", HelpName = "N" };
    readonly Option<string?> cache = new("--judge-cache") { Description = "A judge cache folder shared across runs (else $XGEN_EVAL_JUDGE_CACHE)", HelpName = "DIR" };
    readonly Option<string?> price = new("--judge-price") { Description = "US dollars per million prompt/completion tokens for the cost estimate, e.g. 0.15/0.60", HelpName = "IN/OUT" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { model, provider, endpoint, key, deployment, apiVersion, version, concurrency, timeout, retries, retryDelay, repeats, cache, price })
            command.Options.Add(o);
    }

    /// <summary>Whether --judge was given at all.</summary>
    public bool Given(ParseResult parse) => parse.GetResult(model) is not null;

    /// <summary>The judge's settings, or null for none (the default).</summary>
    public JudgeSettings? Settings(ParseResult parse, CliContext context) => new JudgeConfiguration
    {
        Model = parse.GetValue(model),
        Provider = parse.GetValue(provider),
        Endpoint = parse.GetValue(endpoint),
        Key = parse.GetValue(key),
        Deployment = parse.GetValue(deployment),
        ApiVersion = parse.GetValue(apiVersion),
        Version = parse.GetValue(version),
        Concurrency = parse.GetValue(concurrency),
        TimeoutSeconds = parse.GetValue(timeout),
        MaxRetries = parse.GetValue(retries),
        RetryDelaySeconds = parse.GetValue(retryDelay),
        Repeats = parse.GetValue(repeats),
        SharedCacheDirectory = parse.GetValue(cache),
        Price = parse.GetValue(price),
    }.Resolve(context.Environment);
}
