namespace XGenEval.Model.Catalog;

/// <summary>
/// Models shipped with the harness: <c>models/xgenmm-tiny</c>, copied next to every assembly that references
/// XGenEval.Model (see its .csproj), or found above it in a source checkout.
/// </summary>
public static class EmbeddedModels
{
    public const string TinyId = "xgenmm-tiny";

    /// <summary>The same tiny weights run as a base model: squashed images, &lt;image&gt; + placeholders,
    /// OpenFlamingo-style few-shot prompts.</summary>
    public const string TinyBaseId = "xgenmm-tiny-base";

    /// <summary>The folder of an embedded model, or null when it cannot be found.</summary>
    public static string? Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "models", name);
            if (File.Exists(Path.Combine(candidate, "config.json"))) return candidate;
        }
        return null;
    }
}
