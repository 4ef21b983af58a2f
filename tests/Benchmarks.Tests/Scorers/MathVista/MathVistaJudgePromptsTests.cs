using XGenEval.Benchmarks.Scorers.MathVista;
using XGenEval.Benchmarks.Tests.Support;

namespace XGenEval.Benchmarks.Tests.Scorers.MathVista;

/// <summary>MathVista's extraction prompts byte for byte against the reference code's (TestData/Reference/prompts.out.json).</summary>
public class MathVistaJudgePromptsTests
{
    static readonly System.Text.Json.Nodes.JsonNode Input = ReferenceData.Load("prompts.json")["mathvista"]!;
    static readonly System.Text.Json.Nodes.JsonNode Expected = ReferenceData.Load("prompts.out.json");

    [Fact]
    public void OfficialPrompt() =>
        Assert.Equal(Expected["official_mathvista_prompt"].Str(), MathVistaJudgePrompts.Official(Input["query"].Str(), Input["prediction"].Str()));

    [Fact]
    public void VlmEvalKitPrompt() =>
        Assert.Equal(Expected["vlmevalkit_mathvista_prompt"].Str(), MathVistaJudgePrompts.VlmEvalKit(Input["question"].Str(), Input["prediction"].Str()));
}
