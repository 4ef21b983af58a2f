using XGenEval.Benchmarks.Scorers.MmVet;

namespace XGenEval.Benchmarks.Tests.Scorers.MmVet;

/// <summary>MM-Vet's aggregation and grade reading, on cases worked out by hand from the code cited in the classes.</summary>
public class MmVetAggregationTests
{
    static readonly MmVetGrade[] Grades =
    [
        new("1", "ocr,math", 1.0),
        new("2", "rec", 0.5),
        new("3", "ocr", 0.0),
        new("4", "rec,know", 1.0),
    ];

    [Fact]
    public void OfficialOrdersCapabilitiesByFrequencyThenAppearance()
    {
        var s = MmVetAggregation.Aggregate(Grades, MmVetRules.Official);
        Assert.Equal(62.5, s.Total);
        // ocr and rec have 2 items each (ocr seen first), math and know 1 each.
        Assert.Equal([("ocr", 2, 50.0), ("rec", 2, 75.0), ("math", 1, 100.0), ("know", 1, 100.0)], s.Capabilities);
        Assert.Equal(["ocr_math", "rec", "ocr", "rec_know"], s.Combinations.Select(c => c.Combination));
    }

    [Fact]
    public void VlmEvalKitUsesItsFixedListAndSubstrings()
    {
        var s = MmVetAggregation.Aggregate(Grades, MmVetRules.VlmEvalKit);
        Assert.Equal(["rec", "ocr", "know", "gen", "spat", "math"], s.Capabilities.Select(c => c.Capability));
        Assert.Equal(75.0, s.Capabilities[0].Score);
        Assert.True(double.IsNaN(s.Capabilities.Single(c => c.Capability == "gen").Score)); // no item: VLMEvalKit divides by zero
    }

    [Theory]
    [InlineData("0.5", "0.5")]
    [InlineData("1.0 (the answer is right)", "1.0")]  // the first space-separated word
    [InlineData(" 0.5", null)]                        // split(" ")[0] is "" then
    [InlineData("1.5", null)]                         // out of [0, 1]
    [InlineData("0.7\n", "0.7")]                      // stripped
    public void OfficialGradeReading(string reply, string? expected) => Assert.Equal(expected, MmVetGrading.ParseOfficial(reply));

    [Fact]
    public void VlmEvalKitReadsTheWholeReply()
    {
        var query = MmVetGrading.Query("1", "q", "a", "p", MmVetRules.VlmEvalKit);
        Assert.Equal("0.3", query.Parse(" 0.3 "));
        Assert.Null(query.Parse("0.3 because"));
        Assert.Equal([0.0, 0.5, 1.0, 1.5, 2.0], query.Attempts.Select(a => a.Temperature));
    }
}
