using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Tests.Support;
using XGenEval.Core.Errors;
using XGenEval.Core.Models;

namespace XGenEval.Benchmarks.Tests.Adapters.MathVista;

/// <summary>The MathVista and MM-Vet adapters on crafted TSVs: prompts, options and malformed input.</summary>
public class MathVistaBenchmarkTests : TempDir
{
    static readonly IBenchmark MathVista = BenchmarkCatalog.Get("mathvista");

    string Tsv(string? choices, params string[] extraColumns) => PandasTsv.Write(File("mathvista.tsv"),
        ["index", "question", "answer", "choices", "question_type", "answer_type", .. extraColumns, "image"],
        [["7", "Hint: pick one.\nQuestion: Which?\nChoices:\n(A) 1\n(B) 2", "2", choices, "multi_choice", "text", .. extraColumns.Select(_ => "x"), PandasTsv.TinyPng]]);

    [Fact]
    public void TheInstructPromptIsTheImageThenTheQuestionCell()
    {
        var sample = BenchmarkRun.Load(MathVista, Tsv("['1', '2']"), "testmini").Single();
        var prompt = MathVista.BuildPrompt(sample, PromptProfile.Instruct);
        Assert.False(prompt.Raw);
        Assert.EndsWith("Hint: pick one.\nQuestion: Which?\nChoices:\n(A) 1\n(B) 2", prompt.Render());
        Assert.EndsWith("\nAnswer:", MathVista.BuildPrompt(sample, PromptProfile.Base).Render());
    }

    [Fact]
    public void AChoicesCellThatIsNoListIsAnErrorNamingRowAndColumn()
    {
        var samples = BenchmarkRun.Load(MathVista, Tsv("['1', '2'"), "testmini");
        var error = Assert.Throws<DataException>(() => MathVista.Score([new Prediction(samples[0], "B")], ScoringOptions.Default));
        Assert.Contains("row 1, column 'choices'", error.Message);
    }

    [Fact]
    public void UnknownAndMisplacedOptionsAreUsageErrors()
    {
        var samples = BenchmarkRun.Load(MathVista, Tsv("['1', '2']"), "testmini");
        var predictions = new[] { new Prediction(samples[0], "(B) 2") };
        Assert.Throws<UsageException>(() => MathVista.Score(predictions, BenchmarkRun.Options(("parser", "mine"))));
        Assert.Throws<UsageException>(() => MathVista.Score(predictions, BenchmarkRun.Options(("parser", "vlmevalkit"), ("quick_extract", "true"))));
        Assert.Throws<UsageException>(() => MathVista.Score(predictions, BenchmarkRun.Options(("matcher", "2024"))));
        // Without a judge the official rules cannot read "(B) 2" (it is no choice's text): unextracted, wrong.
        var report = MathVista.Score(predictions, ScoringOptions.Default);
        Assert.Equal((0.0, 1L), (report.Overall, report.Counts["unextracted"]));
        // VLMEvalKit's can_infer reads the letter.
        Assert.Equal(100, MathVista.Score(predictions, BenchmarkRun.Options(("parser", "vlmevalkit"))).Overall);
    }

    [Fact]
    public void MissingColumnsAreNamed()
    {
        string tsv = PandasTsv.Write(File("mmvet.tsv"), ["index", "question", "answer", "image"], [["1", "q", "a", PandasTsv.TinyPng]]);
        var error = Assert.Throws<DataException>(() => BenchmarkRun.Load(BenchmarkCatalog.Get("mmvet"), tsv));
        Assert.Contains("category", error.Message);
    }
}
