using XGenEval.Core.Models;
using XGenEval.Model.Runtime;
using XGenEval.Model.XGenMM.Splice;

namespace XGenEval.Model.XGenMM.Runner;

/// <summary>How to load and run an xGen-MM v1.5 checkpoint.</summary>
public sealed record XGenMMRunnerOptions
{
    /// <summary>The id the user gave, recorded in <see cref="ModelInfo.Id"/>.</summary>
    public required string Id { get; init; }

    public required TorchPlacement Placement { get; init; }

    /// <summary>Base or instruct; null: instruct when preprocessor_config.json lists anyres grids, else base
    /// (the v1.5 base checkpoint has <c>grids: null</c>).</summary>
    public SpliceLayout? Layout { get; init; }

    /// <summary>Preprocess images as the base checkpoint does (one squashed tile, no anyres grids) whatever
    /// preprocessor_config.json lists: runs an instruct folder's weights as a base model (<c>xgenmm-tiny-base</c>).</summary>
    public bool SquashImages { get; init; }

    /// <summary>Prompts per forward pass (halved on out-of-memory); null: 8 on CUDA, 4 on CPU.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Hub commit or other revision of the weights, when known.</summary>
    public string? Revision { get; init; }

    public Action<string>? Log { get; init; }

    /// <summary>Which tokenizer behaviour to use; null: the slow SentencePiece rules (transformers 4.41
    /// <c>LlamaTokenizer</c>, <c>legacy=False</c>, eos <c>&lt;|end|&gt;</c>) for instruct, as VLMEvalKit
    /// tokenized the prompts behind the published instruct scores, and tokenizer.json (fast) for base, as the
    /// base model's own demo did. See docs/models.md.</summary>
    public Tokenizers.TokenizerMode? TokenizerMode { get; init; }
}
