using XGenEval.Core.Errors;
using XGenEval.Core.Models;
using XGenEval.Model.Hub;
using XGenEval.Model.Runtime;
using XGenEval.Model.XGenMM.Runner;
using XGenEval.Model.XGenMM.Splice;

namespace XGenEval.Model.Catalog;

/// <summary>
/// The models the harness knows, and <see cref="Load"/>, which turns an id into a running
/// <see cref="IModelRunner"/>: a catalog id, the embedded <c>xgenmm-tiny</c>, a local folder or any hub id
/// whose config.json is an xGen-MM v1.5 config (<c>model_type: xgenmm</c>).
/// </summary>
public static class ModelCatalog
{
    const string V1Note = "xGen-MM v1 uses the DFN ViT-H/14-378 (open_clip) vision tower and a text-conditioned " +
        "perceiver, which are not implemented natively yet; use a v1.5 checkpoint";
    const string MBlipNote = "mBLIP (BLIP-2 with mT0/BLOOMZ) is not implemented natively yet";

    public static IReadOnlyList<ModelCatalogEntry> Entries { get; } =
    [
        new(EmbeddedModels.TinyId, XGenMMRunner.Family, PromptProfile.Instruct,
            "Embedded tiny xGen-MM v1.5 (real architecture and tokenizer, random weights: its scores are meaningless); runs anywhere in seconds", true),
        new(EmbeddedModels.TinyBaseId, XGenMMRunner.Family, PromptProfile.Base,
            "The embedded tiny model run as a base model (squashed images, <image> + 7 placeholders): few-shot prompts end to end in seconds; random weights", true),
        new("Salesforce/xgen-mm-phi3-mini-base-r-v1.5", XGenMMRunner.Family, PromptProfile.Base,
            "xGen-MM v1.5 pre-trained base (SigLIP + perceiver + Phi-3 mini), few-shot with <image> + 127 placeholders", true),
        new("Salesforce/xgen-mm-phi3-mini-instruct-singleimg-r-v1.5", XGenMMRunner.Family, PromptProfile.Instruct,
            "xGen-MM v1.5 instruct, single-image SFT, anyres", true),
        new("Salesforce/xgen-mm-phi3-mini-instruct-interleave-r-v1.5", XGenMMRunner.Family, PromptProfile.Instruct,
            "xGen-MM v1.5 instruct, multi-image / interleaved SFT, anyres (the main instruct model; bf16 weights)", true),
        new("Salesforce/xgen-mm-phi3-mini-instruct-dpo-r-v1.5", XGenMMRunner.Family, PromptProfile.Instruct,
            "xGen-MM v1.5 instruct after DPO and safety fine-tuning, anyres", true),
        new("Salesforce/xgen-mm-phi3-mini-instruct-r-v1", "xgen-mm-v1", PromptProfile.Instruct,
            "xGen-MM v1 instruct (BLIP-3), DFN ViT-H tower", false, V1Note),
        new("Salesforce/blip3-phi3-mini-instruct-r-v1", "xgen-mm-v1", PromptProfile.Instruct,
            "the same weights as xgen-mm-phi3-mini-instruct-r-v1 under the BLIP-3 name", false, V1Note),
        new("Salesforce/xgen-mm-phi3-mini-base-r-v1", "xgen-mm-v1", PromptProfile.Base,
            "xGen-MM v1 pre-trained base, DFN ViT-H tower", false, V1Note),
        new("Gregor/mblip-mt0-xl", "mblip", PromptProfile.MBlip, "mBLIP: BLIP-2 vision + Q-Former with mT0-XL", false, MBlipNote),
        new("Gregor/mblip-bloomz-7b", "mblip", PromptProfile.MBlip, "mBLIP: BLIP-2 vision + Q-Former with BLOOMZ-7B", false, MBlipNote),
    ];

    /// <summary>The catalog entry of an id (a revision suffix @rev is ignored), or null.</summary>
    public static ModelCatalogEntry? Find(string id)
    {
        string bare = id.Split('@')[0];
        return Entries.FirstOrDefault(e => string.Equals(e.Id, bare, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Loads a model for generation.</summary>
    /// <param name="device">auto, cpu, cuda or cuda:N.</param>
    /// <param name="dtype">auto, float32, bfloat16 or float16.</param>
    /// <param name="hub">Hub settings for downloads (default: from the environment).</param>
    /// <param name="tokenizerMode">Null: the runner's default for the layout (see <see cref="XGenMMRunnerOptions.TokenizerMode"/>).</param>
    public static IModelRunner Load(string id, string device = "auto", string dtype = "auto", int? batchSize = null,
        HubSettings? hub = null, Action<string>? log = null, bool offline = false, Tokenizers.TokenizerMode? tokenizerMode = null)
    {
        var entry = Find(id);
        if (entry is { Supported: false })
            throw new UsageException($"model '{id}' is not supported: {entry.Note}");
        var placement = TorchPlacement.Parse(device, dtype);

        string folder;
        string? revision = null;
        bool tinyBase = string.Equals(id, EmbeddedModels.TinyBaseId, StringComparison.OrdinalIgnoreCase);
        if (tinyBase || string.Equals(id, EmbeddedModels.TinyId, StringComparison.OrdinalIgnoreCase))
        {
            folder = EmbeddedModels.Find(EmbeddedModels.TinyId)
                ?? throw new DataException($"the embedded model folder models/{EmbeddedModels.TinyId} was not found next to {AppContext.BaseDirectory}");
        }
        else
        {
            using var resolver = new HubModelResolver(hub ?? HubSettings.FromEnvironment(), log: log);
            var resolved = resolver.Resolve(id, ModelFileSet.XGenMM, offline);
            folder = resolved.Directory;
            revision = resolved.Commit;
        }
        if (entry is null) CheckIsXGenMM(folder, id);
        SpliceLayout? layout = entry?.Profile switch
        {
            PromptProfile.Base => SpliceLayout.Base,
            PromptProfile.Instruct => SpliceLayout.Instruct,
            _ => null,
        };
        return XGenMMRunner.Load(folder, new XGenMMRunnerOptions
        {
            Id = id,
            Placement = placement,
            Layout = layout,
            BatchSize = batchSize,
            Revision = revision,
            Log = log,
            SquashImages = tinyBase,
            TokenizerMode = tokenizerMode,
        });
    }

    /// <summary>An id outside the catalog must still be an xGen-MM v1.5 checkpoint: its config says so.</summary>
    static void CheckIsXGenMM(string folder, string id)
    {
        string config = Path.Combine(folder, "config.json");
        if (!File.Exists(config)) throw new DataException($"{config}: not found (model '{id}')");
        string type = Loading.JsonConfigSection.Load(config).String("model_type", "");
        if (type != "xgenmm")
            throw new UsageException($"model '{id}' has model_type '{type}'; only xGen-MM v1.5 (xgenmm) checkpoints run natively " +
                $"(known models: {string.Join(", ", Entries.Where(e => e.Supported).Select(e => e.Id))})");
    }
}
