using System.Security.Cryptography;
using System.Text;
using XGenEval.Core.Errors;
using XGenEval.Core.Models;
using XGenEval.Model.Runtime;
using XGenEval.Model.XGenMM.Runner;

namespace XGenEval.Model.Catalog;

/// <summary>
/// The CLI's <see cref="IModelLoader"/>: catalog ids, the embedded tiny model, local folders and hub ids.
/// <see cref="Describe"/> never loads weights, so a run whose predictions are all journaled never loads the model.
/// </summary>
public sealed class CatalogModelLoader : IModelLoader
{
    public IReadOnlyList<ModelDescription> Known =>
        ModelCatalog.Entries.Select(e => Description(e.Id, e.Family, e.Profile, null,
            e.Supported ? e.Description : $"{e.Description} (not supported: {e.Note})")).ToList();

    public ModelDescription Describe(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new UsageException("--model: empty model id");
        var entry = ModelCatalog.Find(id);
        if (entry is { Supported: false }) throw new UsageException($"model '{id}' is not supported: {entry.Note}");
        if (string.Equals(id, EmbeddedModels.TinyId, StringComparison.OrdinalIgnoreCase) || string.Equals(id, EmbeddedModels.TinyBaseId, StringComparison.OrdinalIgnoreCase))
        {
            // xgenmm-tiny-base runs the same embedded folder as a base model.
            string folder = EmbeddedModels.Find(EmbeddedModels.TinyId)
                ?? throw new DataException($"the embedded model folder models/{EmbeddedModels.TinyId} was not found next to {AppContext.BaseDirectory}");
            return Description(entry!.Id, entry.Family, entry.Profile, ContentRevision(folder), entry.Description);
        }
        if (Directory.Exists(id))
        {
            // A local folder: the preprocessor says which layout it is (anyres = instruct), and the files'
            // names, sizes and times stand in for a revision, so replaced weights start a new run.
            string folder = Path.GetFullPath(id);
            var processor = Images.XGenImageProcessorConfig.Load(Path.Combine(folder, "preprocessor_config.json"));
            var profile = entry?.Profile ?? (processor.Grids is not null ? PromptProfile.Instruct : PromptProfile.Base);
            return Description(id, XGenMMRunner.Family, profile, FolderRevision(folder), $"local checkpoint {folder}") with
            {
                DirectoryName = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar)),
            };
        }
        string[] parts = id.Split('@', 2);
        if (parts[0].Count(c => c == '/') != 1)
            throw new UsageException($"model '{id}' is neither a known model (`xgen-eval ls models`), a local folder, nor a hub id org/name[@revision]");
        // A hub id outside the catalog: its layout is known once config files are fetched; until then the
        // name decides the prompts (the xGen-MM repositories name their base models "-base-").
        var guessed = entry?.Profile ?? (parts[0].Contains("-base", StringComparison.OrdinalIgnoreCase) ? PromptProfile.Base : PromptProfile.Instruct);
        return Description(id, entry?.Family ?? XGenMMRunner.Family, guessed, parts.Length == 2 ? parts[1] : null, entry?.Description ?? "hub checkpoint");
    }

    public ModelLoadOptions Resolve(ModelLoadOptions requested)
    {
        var placement = TorchPlacement.Parse(requested.Device, requested.DType);
        Tokenizers.TokenizerModes.Parse(requested.Tokenizer);   // a bad word fails before any loading
        return requested with { Device = placement.DeviceName, DType = placement.DTypeName };
    }

    public IModelRunner Load(string id, ModelLoadOptions options) =>
        ModelCatalog.Load(Directory.Exists(id) ? Path.GetFullPath(id) : id, options.Device, options.DType, options.BatchSize, log: options.Log,
            offline: options.Offline, tokenizerMode: Tokenizers.TokenizerModes.Parse(options.Tokenizer));

    static ModelDescription Description(string id, string family, PromptProfile profile, string? revision, string text) => new()
    {
        Id = id,
        DirectoryName = id.Replace("/", "--").Replace("@", "--").Replace(Path.DirectorySeparatorChar.ToString(), "--"),
        Family = family,
        Profile = profile,
        Revision = revision,
        Description = text,
    };

    /// <summary>The embedded model is small: hash its files' contents.</summary>
    static string ContentRevision(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    static string FolderRevision(string folder)
    {
        var sb = new StringBuilder();
        foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            sb.Append(info.Name).Append(' ').Append(info.Length).Append(' ').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
        }
        return "files:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
