using XGenEval.Core.Models;
using XGenEval.Core.Prompts;

namespace XGenEval.Cli.Tests.Judge;

/// <summary>A model without weights for the judge's end-to-end runs: it answers each prompt with <paramref name="answer"/>
/// of the prompt's text, and counts the prompts it was given.</summary>
public sealed class ScriptedModelLoader(Func<string, string> answer) : IModelLoader
{
    int generated;

    public int Generated => Volatile.Read(ref generated);

    public IReadOnlyList<ModelDescription> Known => [];

    public ModelDescription Describe(string id) => new() { Id = id, DirectoryName = id, Family = "scripted", Profile = PromptProfile.Instruct };

    public ModelLoadOptions Resolve(ModelLoadOptions requested) => requested with { Device = "cpu", DType = "float32" };

    public IModelRunner Load(string id, ModelLoadOptions options) => new Runner(this, id);

    sealed class Runner(ScriptedModelLoader loader, string id) : IModelRunner
    {
        public ModelInfo Info => new() { Id = id, Family = "scripted", Profile = PromptProfile.Instruct };

        public int EstimateCost(InterleavedPrompt prompt) => prompt.Render().Length;

        public IReadOnlyList<GenerationResult> Generate(IReadOnlyList<InterleavedPrompt> prompts, DecodingOptions options, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref loader.generated, prompts.Count);
            return [.. prompts.Select(p => new GenerationResult { Text = loader.Answer(p.Render()), PromptTokens = 10, GeneratedTokens = 3 })];
        }

        public void Dispose() { }
    }

    string Answer(string prompt) => answer(prompt);
}
