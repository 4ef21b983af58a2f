using XGenEval.Benchmarks.Scorers.MathVista;

namespace XGenEval.Benchmarks.Tests.Scorers.MathVista;

/// <summary>The rule-based half of the official <c>extract_answer</c> and VLMEvalKit's prefetch, one case per rule
/// (expected values derived by hand from the code cited in the classes).</summary>
public class MathVistaRuleTests
{
    static readonly MathVistaProblem Choice = new("1", "q", ["3/11", "8/11", "6/11", "3/5"], "multi_choice", "text", null, "8/11", "B");
    static readonly MathVistaProblem Integer = new("2", "q", null, "free_form", "integer", null, "14");
    static readonly MathVistaProblem Float = new("3", "q", null, "free_form", "float", 2, "1.45");
    static readonly MathVistaProblem Zero = new("4", "q", null, "free_form", "integer", null, "0");

    [Theory]
    [InlineData("", "")]                 // an empty response is extracted as "" without asking
    [InlineData("8/11", "8/11")]         // the response is one of the choices
    [InlineData("(B) 8/11", null)]       // anything else needs the LLM
    public void MultipleChoiceRules(string response, string? expected) => Assert.Equal(expected, MathVistaOfficial.ExtractWithoutJudge(response, Choice));

    [Theory]
    [InlineData(" 14 ", "14")]           // int() strips whitespace
    [InlineData("+0_14", "14")]          // sign and single underscores between digits
    [InlineData("14.0", null)]           // int("14.0") raises
    [InlineData("The answer is 14", null)]
    public void IntegerRules(string response, string? expected) => Assert.Equal(expected, MathVistaOfficial.ExtractWithoutJudge(response, Integer));

    [Theory]
    [InlineData("1.450", "1.45")]        // str(float("1.450"))
    [InlineData("1e2", "100.0")]
    [InlineData("$1.45", null)]
    public void FloatRules(string response, string? expected) => Assert.Equal(expected, MathVistaOfficial.ExtractWithoutJudge(response, Float));

    [Fact]
    public void QuickExtractionOnlyWhenAsked()
    {
        const string response = "Let me think. The answer is \"8/11\".";
        Assert.Null(MathVistaOfficial.ExtractWithoutJudge(response, Choice));
        Assert.Equal("8/11", MathVistaOfficial.ExtractWithoutJudge(response, Choice, quickExtract: true));
    }

    [Fact]
    public void EmptyExtractionsPickTheShortestChoiceUnlessIgnored()
    {
        Assert.Equal("3/5", MathVistaOfficial.Normalize("", Choice));
        Assert.Null(MathVistaOfficial.Normalize("", Choice, ignoreEmpty: true));
    }

    [Fact]
    public void NormalisationTruncatesIntegersAndRoundsFloatsAsPython()
    {
        Assert.Equal("-3", MathVistaOfficial.Normalize("-3.9", Integer));   // int() truncates toward zero
        Assert.Null(MathVistaOfficial.Normalize("inf", Integer));           // int(inf) raises
        Assert.Equal("2.67", MathVistaOfficial.Normalize("2.675", Float));  // round(2.675, 2): 2.675 is 2.67499...
        Assert.Null(MathVistaOfficial.Normalize("1.0", Float with { Precision = null })); // int(None) raises
    }

    [Fact]
    public void VlmEvalKitAsksTheJudgeWhenTheRightAnswerIsZero()
    {
        // post_check returns int 0, which `if post_check(...)` takes as a failure: the judge is asked, then scores it.
        Assert.Null(MathVistaVlmEvalKit.Prefetch("0", Zero));
        Assert.True(MathVistaVlmEvalKit.IsCorrect("0", Zero));
        Assert.Equal("Z", MathVistaVlmEvalKit.Prefetch("Sorry, I can't help with images of people yet.", Choice)); // a refusal is prefetched
    }

    [Fact]
    public void VlmEvalKitNeverCreditsFreeFormTextOrListAnswers()
    {
        var list = new MathVistaProblem("5", "q", null, "free_form", "list", null, "[2007, 2008]");
        Assert.False(MathVistaVlmEvalKit.IsCorrect("[2007, 2008]", list));
    }
}
