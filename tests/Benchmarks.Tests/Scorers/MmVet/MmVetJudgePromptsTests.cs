using XGenEval.Benchmarks.Scorers.MmVet;
using XGenEval.Benchmarks.Tests.Support;

namespace XGenEval.Benchmarks.Tests.Scorers.MmVet;

/// <summary>MM-Vet's grading prompts byte for byte against the reference code's (TestData/Reference/prompts.out.json).</summary>
public class MmVetJudgePromptsTests
{
    static readonly System.Text.Json.Nodes.JsonNode Input = ReferenceData.Load("prompts.json")["mmvet"]!;
    static readonly System.Text.Json.Nodes.JsonNode Expected = ReferenceData.Load("prompts.out.json");

    [Fact]
    public void OfficialPrompt() =>
        Assert.Equal(Expected["official_mmvet_prompt"].Str(), MmVetJudgePrompts.OfficialPrompt(Input["question"].Str(), Input["answer"].Str(), Input["prediction"].Str()));

    [Fact]
    public void VlmEvalKitPrompt() =>
        Assert.Equal(Expected["vlmevalkit_mmvet_prompt"].Str(), MmVetJudgePrompts.VlmEvalKit(Input["question"].Str(), Input["answer"].Str(), Input["prediction"].Str()));

    [Fact]
    public void TheOfficialRetryAppendsItsQuestion() =>
        Assert.Equal(Expected["official_mmvet_prompt"].Str() + "\nPredict the correctness of the answer (digit): ",
            MmVetJudgePrompts.OfficialPrompt(Input["question"].Str(), Input["answer"].Str(), Input["prediction"].Str(), retry: true));
}
