namespace XGenEval.Benchmarks.Judge.Providers;

/// <summary>
/// How the judge authenticates: an API key, or (Azure only) Microsoft Entra ID through Azure.Identity's
/// <c>DefaultAzureCredential</c> (environment, workload or managed identity, Azure CLI login, ...). The key is never
/// printed: <see cref="ToString"/> says only which kind it is.
/// </summary>
public sealed class JudgeCredential
{
    JudgeCredential(string? key, string source) => (Key, Source) = (key, source);

    /// <summary>The API key, or null for Entra ID.</summary>
    internal string? Key { get; }

    /// <summary>Where the credential came from ("--judge-key", "$OPENAI_API_KEY", "Entra ID", "none"), for messages.</summary>
    public string Source { get; }

    public bool IsEntraId => Key is null;

    public static JudgeCredential ApiKey(string key, string source) =>
        string.IsNullOrEmpty(key) ? throw new ArgumentException("empty API key", nameof(key)) : new(key, source);

    public static JudgeCredential EntraId() => new(null, "Entra ID (DefaultAzureCredential)");

    public override string ToString() => IsEntraId ? Source : $"API key from {Source}";
}
