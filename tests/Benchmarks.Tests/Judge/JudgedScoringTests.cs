using System.Text.RegularExpressions;
using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Judge.Scoring;
using XGenEval.Benchmarks.Scorers.MathVista;
using XGenEval.Benchmarks.Tests.Support;
using static XGenEval.Benchmarks.Tests.Judge.JudgeTestKit;

namespace XGenEval.Benchmarks.Tests.Judge;

/// <summary>Benchmarks scored with the judge on the loopback server: the rules first, the judge only for what they
/// cannot read, the reference's prompts and tries, the judge's counts and repeats in the report.</summary>
public sealed class JudgedScoringTests : TempDir
{
    string CacheFile => File("judge/cache.jsonl");

    /// <summary>Two MMBench questions, each with a rotated copy (options swapped).</summary>
    string MmbenchTsv() => PandasTsv.Write(File("mmbench.tsv"), ["index", "question", "A", "B", "answer", "category", "l2-category", "image"],
    [
        ["1", "Which ball is red?", "blue", "red", "B", "colour", "perception", PandasTsv.TinyPng],
        ["1000001", "Which ball is red?", "red", "blue", "A", "colour", "perception", "1"],
        ["2", "Which ball is green?", "green", "yellow", "A", "colour", "perception", PandasTsv.TinyPng],
        ["1000002", "Which ball is green?", "yellow", "green", "B", "colour", "perception", "2"],
    ]);

    static readonly Dictionary<string, string> MmbenchAnswers = new()
    {
        ["1"] = "B",                  // read by the rules, right
        ["1000001"] = "the crimson one", // the rules cannot read it; the judge knows crimson is red
        ["2"] = "a purple ball",      // the judge finds no option: Z
        ["1000002"] = "B",
    };

    /// <summary>A judge that reads VLMEvalKit's choice prompt: the option whose text means the answer, else Z.</summary>
    static ChatServerResponse ChoiceJudge(ChatServerRequest r)
    {
        string third = r.Prompt[r.Prompt.IndexOf("Example 3", StringComparison.Ordinal)..];
        string answer = Regex.Match(third, "Answer: (.*)\n").Groups[1].Value;
        string meaning = answer == "the crimson one" ? "red" : answer;
        foreach (Match option in Regex.Matches(third, @"(?m)^([A-D])\. (.+)$"))
            if (option.Groups[2].Value == meaning) return ChatServerResponse.Reply(option.Groups[1].Value);
        return ChatServerResponse.Reply("Z");
    }

    [Fact]
    public void MmbenchAsksTheJudgeOnlyForWhatTheRulesCannotRead()
    {
        var mmbench = BenchmarkCatalog.Get("mmbench");
        var predictions = BenchmarkRun.Load(mmbench, MmbenchTsv()).Select(s => new Prediction(s, MmbenchAnswers[s.Index])).ToList();
        Assert.Equal(0, mmbench.Score(predictions, ScoringOptions.Default).Overall); // exact matching: both questions fail

        using var server = new ChatCompletionsServer(ChoiceJudge);
        using var engine = Engine(OpenAi(server), CacheFile);
        var judged = JudgedScoring.Score(mmbench, predictions, ScoringOptions.Default, engine);
        Assert.Equal(50, judged.Report.Overall); // question 1 passes once its copy is judged
        Assert.Equal(2, server.Requests.Count);   // copies 1000001 and 2, nothing else
        Assert.Equal((2, 2, 0, 0), (judged.Summary.Queries, judged.Summary.Answered, judged.Summary.Failed, judged.Summary.Unusable));
        Assert.Equal(2, judged.Report.Counts["judged"]);
        Assert.Equal(2, judged.Report.Counts["judge_queries"]);
        Assert.Equal(0, judged.Report.Counts["judge_failed"]);
        Assert.Contains("judge: judge-model", judged.Report.Reference);
        Assert.Contains(judged.Report.Tables, t => t.Name == "judge");
        Assert.Equal("A", judged.Report.Items.Single(i => i.Index == "1000001").Parsed);

        // Scoring again with the same cache sends nothing and gives the same report.
        using var again = Engine(OpenAi(server), CacheFile);
        var rescored = JudgedScoring.Score(mmbench, predictions, ScoringOptions.Default, again);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(judged.Report.Overall, rescored.Report.Overall);
        Assert.Equal((0, 2), (rescored.Summary.Requests, rescored.Summary.CachedReplies));
    }

    [Fact]
    public void AJudgeThatAlwaysFailsLeavesTheRulesReadingAndCountsTheFailures()
    {
        var mmbench = BenchmarkCatalog.Get("mmbench");
        var predictions = BenchmarkRun.Load(mmbench, MmbenchTsv()).Select(s => new Prediction(s, MmbenchAnswers[s.Index])).ToList();
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Error(500, "down"));
        using var engine = Engine(OpenAi(server) with { MaxRetries = 1 }, CacheFile);
        var judged = JudgedScoring.Score(mmbench, predictions, ScoringOptions.Default, engine);
        Assert.Equal(0, judged.Report.Overall); // as with exact matching
        Assert.Equal(2, judged.Report.Counts["judge_failed"]);
        Assert.Equal(100, judged.Summary.FailureRate);
        Assert.Contains(judged.Report.Notes, n => n.Contains("2 of 2 judge queries got no reply"));
        Assert.Equal(4, judged.Report.Items.Count); // every prediction is still scored
    }

    [Fact]
    public void YesNoJudgingFollowsVlmEvalKitsFiveTriesAtRisingTemperature()
    {
        var mme = BenchmarkCatalog.Get("mme");
        string tsv = PandasTsv.Write(File("mme.tsv"), ["index", "question", "answer", "category", "image"],
            [["1", "Is there a cat? Please answer yes or no.", "Yes", "existence", PandasTsv.TinyPng]]);
        var predictions = BenchmarkRun.Load(mme, tsv).Select(s => new Prediction(s, "I think there might be one")).ToList();
        int calls = 0;
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Reply(Interlocked.Increment(ref calls) < 3 ? "Unknown" : "Yes"));
        using var engine = Engine(OpenAi(server), CacheFile);
        var judged = JudgedScoring.Score(mme, predictions, BenchmarkRun.Options(("parser", "vlmevalkit")), engine);
        Assert.Equal([0.0, 0.5, 1.0], server.Requests.Select(r => r.Temperature ?? -1));
        Assert.Equal("Yes", judged.Report.Items.Single().Parsed);
        Assert.Equal(200, judged.Report.Metrics["perception"]); // acc 100 + acc+ 100 on the one subtask
    }

    /// <summary>Three MathVista problems: one the rules read, two only the judge can.</summary>
    string MathVistaTsv() => PandasTsv.Write(File("mathvista.tsv"),
        ["index", "question", "answer", "choices", "question_type", "answer_type", "precision", "answer_option", "task", "skills", "image"],
    [
        ["1", "Hint: ...\nQuestion: What fraction of the shape is blue?\nChoices:\n(A) 3/11\n(B) 8/11", "8/11", "['3/11', '8/11']", "multi_choice", "text", null, "B", "figure question answering", "['arithmetic reasoning']", PandasTsv.TinyPng],
        ["2", "Hint: ...\nQuestion: Which number is missing?", "14", null, "free_form", "integer", null, null, "math word problem", "['algebraic reasoning', 'arithmetic reasoning']", PandasTsv.TinyPng],
        ["3", "Hint: ...\nQuestion: How much money?", "1.45", null, "free_form", "float", "2.0", null, "math word problem", "['arithmetic reasoning']", PandasTsv.TinyPng],
    ]);

    static readonly Dictionary<string, string> MathVistaAnswers = new()
    {
        ["1"] = "The correct answer is (B) 8/11.",
        ["2"] = "14",
        ["3"] = "Luca needs $1.45.",
    };

    [Fact]
    public void MathVistaExtractsWithTheOfficialPromptWhereTheRulesCannot()
    {
        var bench = BenchmarkCatalog.Get("mathvista");
        var samples = BenchmarkRun.Load(bench, MathVistaTsv(), "testmini");
        var predictions = samples.Select(s => new Prediction(s, MathVistaAnswers[s.Index])).ToList();
        var plain = bench.Score(predictions, ScoringOptions.Default);
        Assert.Equal(100.0 / 3, plain.Overall, 12);
        Assert.Equal(2, plain.Counts["unextracted"]);

        using var server = new ChatCompletionsServer(r => ChatServerResponse.Reply(r.Prompt.EndsWith("Luca needs $1.45.\n\nExtracted answer: ", StringComparison.Ordinal) ? " 1.450 " : "B"));
        using var engine = Engine(OpenAi(server), CacheFile);
        var judged = JudgedScoring.Score(bench, predictions, ScoringOptions.Default, engine);
        Assert.Equal(100, judged.Report.Overall);
        Assert.Equal(2, judged.Report.Counts["extracted_by_judge"]);
        // The judge saw the official prompt for the problem's query and the raw response, byte for byte.
        var problem1 = samples.Single(s => s.Index == "1");
        Assert.Contains(server.Requests, r => r.Prompt == MathVistaJudgePrompts.Official(problem1.Field("question")!, MathVistaAnswers["1"]));
        Assert.All(server.Requests, r => Assert.Equal(1024, r.Json!["max_tokens"]!.GetValue<int>()));
        Assert.Equal(100.0, judged.Report.Cell("skills", "arithmetic reasoning", "accuracy"));
        Assert.Equal(3, Convert.ToInt32(judged.Report.Cell("skills", "arithmetic reasoning", "total")));
    }

    [Fact]
    public void MathVistaVlmEvalKitRulesPrefetchThenJudge()
    {
        var bench = BenchmarkCatalog.Get("mathvista");
        var predictions = BenchmarkRun.Load(bench, MathVistaTsv(), "testmini").Select(s => new Prediction(s, MathVistaAnswers[s.Index])).ToList();
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Reply("1.45"));
        using var engine = Engine(OpenAi(server), CacheFile);
        var judged = JudgedScoring.Score(bench, predictions, BenchmarkRun.Options(("parser", "vlmevalkit")), engine);
        // can_infer reads "(B)" in problem 1; "14" is int(14); only problem 3 needs the judge.
        Assert.Single(server.Requests);
        Assert.StartsWith("\nPlease read the following example.", server.Requests[0].Prompt);
        Assert.Equal(100, judged.Report.Overall);
        Assert.Equal(2.0, Convert.ToDouble(judged.Report.Cell("task&skill", "Overall", "prefetch")));
    }

    string MmVetTsv() => PandasTsv.Write(File("mmvet.tsv"), ["index", "question", "answer", "category", "image"],
    [
        ["1", "What is x in the equation?", "-1<AND>-5", "ocr,math", PandasTsv.TinyPng],
        ["2", "What colour is the sky?", "blue", "rec", PandasTsv.TinyPng],
        ["3", "What is written here?", "hello<OR>hi", "ocr", PandasTsv.TinyPng],
    ]);

    [Fact]
    public void MmVetRepeatsAreAveragedWithTheirSpreadAndAgreement()
    {
        var bench = BenchmarkCatalog.Get("mmvet");
        var predictions = BenchmarkRun.Load(bench, MmVetTsv()).Select(s => new Prediction(s, "an answer")).ToList();
        var ungraded = bench.Score(predictions, ScoringOptions.Default);
        Assert.True(double.IsNaN(ungraded.Overall));
        Assert.Equal(3, ungraded.Counts["ungraded"]);

        // The first time a prompt is seen the grader says 1.0, the second time 0.5: repeat 1 scores 100, repeat 2 50.
        var seen = new Dictionary<string, int>();
        using var server = new ChatCompletionsServer(r =>
        {
            lock (seen) return ChatServerResponse.Reply((seen[r.Prompt] = seen.GetValueOrDefault(r.Prompt) + 1) == 1 ? "1.0" : "0.5 because");
        });
        using var engine = Engine(OpenAi(server) with { Repeats = 2 }, CacheFile);
        var judged = JudgedScoring.Score(bench, predictions, ScoringOptions.Default, engine);
        Assert.Equal(6, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(3, r.Json!["max_tokens"]!.GetValue<int>())); // the official evaluator's
        Assert.Equal(75, judged.Report.Overall, 12);
        Assert.Equal(25, judged.Report.Metrics["total_repeat_std"], 12);
        Assert.Equal(100, judged.Report.Metrics["total[repeat 1]"]);
        Assert.Equal(50, judged.Report.Metrics["total[repeat 2]"]);
        Assert.Equal(75, judged.Report.Metrics["ocr"], 12);
        Assert.Equal(75.0, (double)judged.Report.Cell("capabilities", "math", "score")!, 12);
        Assert.Equal(0.75, judged.Report.Items.Single(i => i.Index == "2").Score, 12);
        var agreement = judged.Summary.Agreement!;
        Assert.Equal((3, 0.0, null, 0.25), (agreement.Items, agreement.UnanimousPercent, agreement.FleissKappa, agreement.MeanGradeStd));
        Assert.Equal(6, judged.Summary.Queries);
    }

    [Fact]
    public void MmVetOfficialReasksUnreadableGradesAndScoresZeroInTheEnd()
    {
        var bench = BenchmarkCatalog.Get("mmvet");
        var predictions = BenchmarkRun.Load(bench, MmVetTsv()).Take(1).Select(s => new Prediction(s, "x = -1")).ToList();
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Reply("half right"));
        using var engine = Engine(OpenAi(server), CacheFile);
        var judged = JudgedScoring.Score(bench, predictions, ScoringOptions.Default, engine);
        Assert.Equal(5, server.Requests.Count);
        Assert.Equal([0.0, 0.0, 0.5, 1.0, 1.5], server.Requests.Select(r => r.Temperature ?? -1));
        Assert.Equal(1, server.Requests.Count(r => !r.Prompt.EndsWith("(digit): ", StringComparison.Ordinal)));
        Assert.Equal(0, judged.Report.Overall);
        Assert.Equal(1, judged.Report.Counts["ungradable"]);
        Assert.Equal(1, judged.Summary.Unusable);
    }
}
