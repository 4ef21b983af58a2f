using System.Text.RegularExpressions;

namespace XGenEval.Cli.Runs;

/// <summary>
/// Keeps secrets out of manifests and logs: the value of any option whose name mentions a key, token,
/// secret or password is replaced, and so is anything that looks like an API key wherever it appears.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    [GeneratedRegex(@"^--?[\w-]*(key|token|secret|password|credential)[\w-]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretOption();

    // OpenAI-style (sk-...), Hugging Face (hf_...), Azure-style 32-hex keys, bearer tokens.
    [GeneratedRegex(@"\b(sk-[A-Za-z0-9_\-]{16,}|hf_[A-Za-z0-9]{16,}|[0-9a-f]{32}\b|Bearer\s+\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();

    public static List<string> RedactArguments(IEnumerable<string> args)
    {
        var result = new List<string>();
        bool maskNext = false;
        foreach (string arg in args)
        {
            if (maskNext)
            {
                result.Add(Mask);
                maskNext = false;
                continue;
            }
            int eq = arg.IndexOf('=');
            string name = eq > 0 ? arg[..eq] : arg;
            if (arg.StartsWith('-') && SecretOption().IsMatch(name))
            {
                if (eq > 0) result.Add(name + "=" + Mask);
                else { result.Add(arg); maskNext = true; }
                continue;
            }
            result.Add(RedactText(arg));
        }
        return result;
    }

    // user:password@ in URLs (an endpoint given with its credentials), and api-key=/key= query parameters.
    [GeneratedRegex(@"(?<=://)[^/\s@:]+:[^/\s@]+(?=@)|(?<=[?&](api[-_]?key|key|token)=)[^&\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretInUrl();

    public static string RedactText(string text) => SecretInUrl().Replace(SecretLooking().Replace(text, Mask), Mask);
}
