using XGenEval.Benchmarks.Abstractions;
using XGenEval.Core.Errors;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;

namespace XGenEval.Benchmarks.Adapters.VlmEvalKit;

/// <summary>
/// A VLMEvalKit TSV benchmark with open answers that a judge reads (MathVista, MM-Vet): prompted with
/// <see cref="OpenQuestionPrompt"/>, scored by the benchmark's official script (<c>parser=official</c>, the default) or
/// VLMEvalKit's rules (<c>parser=vlmevalkit</c>).
/// </summary>
public abstract class OpenQuestionBenchmark(BenchmarkInfo info) : VlmTsvBenchmark
{
    public const string ParserOption = "parser";

    public override BenchmarkInfo Info { get; } = info;

    public override InterleavedPrompt BuildPrompt(Sample sample, PromptProfile profile)
    {
        var row = VlmSample.Of(sample).Row;
        return OpenQuestionPrompt.Build(row.Str("question"), row.Images, profile);
    }

    public override string PromptTemplate(PromptProfile profile) => OpenQuestionPrompt.Template(profile);

    /// <summary>Checks the scoring options (<c>parser</c> and <paramref name="others"/>); true for the official rules.</summary>
    protected bool Official(ScoringOptions options, params string[] others)
    {
        options.EnsureOnly(Info.Name, [ParserOption, .. others]);
        return options.Get(ParserOption, "official") switch
        {
            "official" => true,
            "vlmevalkit" => false,
            var other => throw new UsageException($"scoring option parser={other}: use official or vlmevalkit"),
        };
    }
}
