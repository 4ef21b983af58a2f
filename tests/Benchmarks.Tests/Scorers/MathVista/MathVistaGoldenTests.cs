using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using XGenEval.Benchmarks.Scorers.MathVista;
using XGenEval.Benchmarks.Tests.Support;

namespace XGenEval.Benchmarks.Tests.Scorers.MathVista;

/// <summary>MathVista's normalisation and comparison against the reference code's outputs (TestData/Reference:
/// mathvista and mathvista_bard, see its README).</summary>
public class MathVistaGoldenTests
{
    static MathVistaProblem Problem(JsonNode item, int i) => new(
        item["pid"]?.GetValue<string>() ?? i.ToString(CultureInfo.InvariantCulture),
        "query",
        item["choices"] is JsonArray c ? [.. c.Select(x => x!.GetValue<string>())] : null,
        item["question_type"]!.GetValue<string>(),
        item["answer_type"]!.GetValue<string>(),
        item["precision"] is { } p ? p.GetValue<double>() : null,
        item["answer"]!.GetValue<string>(),
        item["answer_option"]?.GetValue<string>());

    static void CheckAll(string input, string output)
    {
        var items = ReferenceData.Items(input);
        var expected = ReferenceData.Load(output).AsArray();
        Assert.Equal(items.Count, expected.Count);
        int correct = 0;
        for (int i = 0; i < items.Count; i++)
        {
            var problem = Problem(items[i]!, i);
            string extraction = items[i]!["extraction"]!.GetValue<string>();
            var want = expected[i]!;
            string? normalized = MathVistaOfficial.Normalize(extraction, problem);
            Assert.True(want["official_normalized"].StrOrNull() == normalized, $"item {i} ({extraction}): normalised {normalized}, expected {want["official_normalized"]}");
            bool hit = MathVistaOfficial.IsCorrect(normalized, problem);
            Assert.True(want["official_true_false"]!.GetValue<bool>() == hit, $"item {i} ({extraction}): official true_false");
            if (hit) correct++;

            if (want["vlmevalkit_post_check"] is { } postCheck)
            {
                Assert.True(postCheck.GetValue<bool>() == MathVistaVlmEvalKit.IsCorrect(extraction, problem), $"item {i} ({extraction}): VLMEvalKit post_check");
                string? prefetch = MathVistaVlmEvalKit.Prefetch(extraction, problem);
                var wantPrefetch = want["vlmevalkit_prefetch"]!;
                switch (wantPrefetch.GetValueKind())
                {
                    case JsonValueKind.False: Assert.True(prefetch is null, $"item {i} ({extraction}): prefetch {prefetch}, expected none"); break;
                    case JsonValueKind.String: Assert.Equal(wantPrefetch.GetValue<string>(), prefetch); break;
                    default:
                        // A number: VLMEvalKit keeps int()/float() of the prediction, here the prediction itself. Its
                        // caller tests the value's truth, so a right answer of 0 goes to the judge: null here.
                        double number = wantPrefetch.GetValue<double>();
                        if (number == 0) Assert.Null(prefetch);
                        else Assert.Equal(number, double.Parse(prefetch!, CultureInfo.InvariantCulture));
                        break;
                }
            }
        }
        if (input == "mathvista_bard.json") Assert.Equal(348, correct); // the repository's own figure for Bard (34.8%)
    }

    [Fact]
    public void CraftedExtractionsNormaliseAsTheReference() => CheckAll("mathvista.json", "mathvista.out.json");

    [Fact]
    public void BardsThousandExtractionsScore348AsTheReference() => CheckAll("mathvista_bard.json", "mathvista_bard.out.json");

    [Fact]
    public void TheVerdictsStoredWithBardsAnswersAgreeWithOurs()
    {
        // The Bard file also carries the verdicts MathVista's authors stored. Their stored normalisations predate
        // int(float(x)) (three integer answers such as "3.4" were None then, "3" now, wrong either way), so only the
        // verdicts are compared.
        var items = ReferenceData.Items("mathvista_bard.json");
        for (int i = 0; i < items.Count; i++)
        {
            var problem = Problem(items[i]!, i);
            string? normalized = MathVistaOfficial.Normalize(items[i]!["extraction"]!.GetValue<string>(), problem);
            Assert.Equal(items[i]!["stored_true_false"]!.GetValue<bool>(), MathVistaOfficial.IsCorrect(normalized, problem));
        }
    }
}
