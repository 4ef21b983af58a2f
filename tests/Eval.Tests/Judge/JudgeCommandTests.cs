using System.Text.Json.Nodes;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Benchmarks.Tests.Support;
using XGenEval.Cli.Cli;
using XGenEval.Cli.Runs;
using XGenEval.Cli.Tests.Cli;

namespace XGenEval.Cli.Tests.Judge;

/// <summary>
/// `xgen-eval run --judge` and `xgen-eval judge` end to end, with a scripted model and the loopback chat-completions
/// server as the judge: every prediction is kept whatever the judge does, a second `judge` on the same run sends no
/// request, no file of the run holds the key, and without a judge every score is reproduced offline.
/// </summary>
public sealed class JudgeCommandTests : IDisposable
{
    const string Key = "sk-judge-test-key-0123456789abcdefSECRET";

    readonly string dir = Directory.CreateTempSubdirectory("xgen-judge-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>Answers no option letter: every MMBench answer needs the judge.</summary>
    readonly ScriptedModelLoader vague = new(_ => "hmm, I would say the second one");

    static Func<string, string?> Env(params (string Name, string Value)[] vars) => name => vars.FirstOrDefault(v => v.Name == name).Value;

    CliHarness.Result Cli(Func<string, string?> env, params string[] args) => CliHarness.Run(vague, env, args);

    static string[] JudgeFlags(ChatCompletionsServer server) =>
        ["--judge", "judge-model", "--judge-endpoint", server.OpenAiBase, "--judge-retries", "1", "--judge-retry-delay", "0.01"];

    string RunMmbench(Func<string, string?> env, params string[] extra) =>
        Ok(Cli(env, ["run", "mmbench", "--split", "sample", "--model", "scripted", "--work-dir", dir, .. extra])) is var _
            ? RunDirectory.ResolveExisting(Path.Combine(dir, "scripted"))
            : "";

    static CliHarness.Result Ok(CliHarness.Result r)
    {
        Assert.True(r.ExitCode == ExitCodes.Ok, $"exit {r.ExitCode}: {r.Error}");
        return r;
    }

    static JsonNode Json(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    static JsonNode JudgeRecord(string run, string bench = "mmbench") => Json(Path.Combine(run, "manifest.json"))["benchmarks"]![bench]!["judge"]!;

    [Fact]
    public void ASecondJudgeOfTheSameRunSendsNoRequestAndNoFileHoldsTheKey()
    {
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Reply("B", promptTokens: 300, completionTokens: 1));
        string run = RunMmbench(Env(("OPENAI_API_KEY", Key)), JudgeFlags(server));
        int asked = server.Requests.Count;
        Assert.True(asked > 0);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Key, r.Header("Authorization")));
        var scores = Json(Path.Combine(run, "scores", "mmbench.json"));
        Assert.Equal(asked, scores["counts"]!["judge_requests"]!.GetValue<long>());
        var record = JudgeRecord(run);
        Assert.Equal(("judge-model", asked), (record["model"]!.GetValue<string>(), record["requests"]!.GetValue<long>()));
        Assert.Equal(0, record["failed"]!.GetValue<long>());
        Assert.True(File.Exists(Path.Combine(run, "judge", "cache.jsonl")));

        // Re-judge: everything comes from the run's cache, the scores are the same. The key is given as a flag this time.
        var again = Ok(Cli(Env(), ["judge", run, "--judge", "judge-model", "--judge-endpoint", server.OpenAiBase, "--judge-key", Key]));
        Assert.Equal(asked, server.Requests.Count);
        Assert.Contains("mmbench", again.Out);
        var rescored = Json(Path.Combine(run, "scores", "mmbench.json"));
        Assert.Equal(scores["overall"]!.ToJsonString(), rescored["overall"]!.ToJsonString());
        Assert.Equal((0L, (long)asked), (JudgeRecord(run)["requests"]!.GetValue<long>(), JudgeRecord(run)["cached_replies"]!.GetValue<long>()));

        // No file the run left behind holds the key: manifest (argv included), log, journal, cache, scores, tables.
        foreach (string file in Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories))
            Assert.False(File.ReadAllText(file).Contains(Key, StringComparison.Ordinal), $"{file} holds the judge's key");
        Assert.Contains("--judge-key", File.ReadAllText(Path.Combine(run, "manifest.json")));
    }

    [Fact]
    public void AJudgeThatKeepsFailingNeitherCrashesTheRunNorLosesAPrediction()
    {
        using (var down = new ChatCompletionsServer(_ => ChatServerResponse.Error(500, "the judge is down")))
        {
            var r = Cli(Env(("OPENAI_API_KEY", Key)), ["run", "mmbench", "--split", "sample", "--model", "scripted", "--work-dir", dir, .. JudgeFlags(down)]);
            Ok(r);
            Assert.Contains("judge failed", r.Out);
        }
        string run = RunDirectory.ResolveExisting(Path.Combine(dir, "scripted"));
        var table = ParquetTable.Read(Path.Combine(run, "predictions", "mmbench.parquet"));
        Assert.Equal(18, table.Rows.Count);
        Assert.All(table.Rows, row => Assert.Equal("hmm, I would say the second one", row["prediction"]));
        var counts = Json(Path.Combine(run, "scores", "mmbench.json"))["counts"]!;
        Assert.True(counts["judge_queries"]!.GetValue<long>() > 0);
        Assert.Equal(counts["judge_queries"]!.GetValue<long>(), counts["judge_failed"]!.GetValue<long>());
        Assert.Equal(100, JudgeRecord(run)["failure_rate"]!.GetValue<double>());

        // Failures are not cached: once the judge is back, `judge` asks again, and the model is not run again.
        int generated = vague.Generated;
        using var up = new ChatCompletionsServer(_ => ChatServerResponse.Reply("B"));
        Ok(Cli(Env(("OPENAI_API_KEY", Key)), ["judge", run, .. JudgeFlags(up)]));
        Assert.NotEmpty(up.Requests);
        Assert.Equal(0, Json(Path.Combine(run, "scores", "mmbench.json"))["counts"]!["judge_failed"]!.GetValue<long>());
        Assert.Equal(generated, vague.Generated);
    }

    [Fact]
    public void WithoutAJudgeEveryScoreIsReproducedOffline()
    {
        string run = RunMmbench(Env());
        string original = File.ReadAllText(Path.Combine(run, "scores", "mmbench.json"));
        Assert.Null(Json(Path.Combine(run, "manifest.json"))["benchmarks"]!["mmbench"]!["judge"]);
        for (int i = 0; i < 2; i++)
        {
            Ok(Cli(Env(), "judge", run, "--judge", "none"));
            Assert.Equal(original, File.ReadAllText(Path.Combine(run, "scores", "mmbench.json")));
        }
        Assert.False(Directory.Exists(Path.Combine(run, "judge")));
        Assert.Equal(2, Cli(Env(), "judge", run).ExitCode); // which judge must be said
    }

    [Fact]
    public void MmVetIsGradedOnceAJudgeIsGiven()
    {
        string tsv = PandasTsv.Write(Path.Combine(dir, "mmvet.tsv"), ["index", "question", "answer", "category", "image"],
        [
            ["1", "What is x in the equation?", "-1<AND>-5", "ocr,math", PandasTsv.TinyPng],
            ["2", "What colour is the sky?", "blue", "rec", PandasTsv.TinyPng],
        ]);
        var model = new ScriptedModelLoader(p => p.Contains("sky") ? "blue" : "x = 3");
        Ok(CliHarness.Run(model, Env(), "run", "mmvet", "--data", tsv, "--model", "scripted", "--work-dir", dir));
        string run = RunDirectory.ResolveExisting(Path.Combine(dir, "scripted"));
        Assert.Null(Json(Path.Combine(run, "scores", "mmvet.json"))["overall"]); // nothing graded yet

        using var server = new ChatCompletionsServer(r => ChatServerResponse.Reply(r.Prompt.Contains("| blue | blue | ") ? "1.0" : "0.0"));
        var judged = Ok(CliHarness.Run(model, Env(), ["judge", run, "--judge", "gpt-4o-mini", "--judge-endpoint", server.OpenAiBase]));
        Assert.Contains("mmvet", judged.Out);
        var scores = Json(Path.Combine(run, "scores", "mmvet.json"));
        Assert.Equal(50, scores["overall"]!.GetValue<double>());
        Assert.Equal(100, scores["metrics"]!["rec"]!.GetValue<double>());
        var record = JudgeRecord(run, "mmvet");
        Assert.Equal("gpt-4o-mini-2024-07-18", record["version"]!.GetValue<string>());
        Assert.True(record["cost_usd"]!.GetValue<decimal>() > 0); // the price table knows gpt-4o-mini
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void ScoreWithAJudgeCachesInTheUsersCacheFolder()
    {
        string tsv = PandasTsv.Write(Path.Combine(dir, "mathvista.tsv"), ["index", "question", "answer", "question_type", "answer_type", "image"],
            [["1", "Hint: ...\nQuestion: Which number is missing?", "14", "free_form", "integer", PandasTsv.TinyPng]]);
        string predictions = Path.Combine(dir, "predictions.tsv");
        File.WriteAllText(predictions, "index\tprediction\n1\tThe missing number is 14.\n");
        using var server = new ChatCompletionsServer(_ => ChatServerResponse.Reply("14"));
        var env = Env(("XDG_CACHE_HOME", Path.Combine(dir, "cache")), ("OPENAI_BASE_URL", server.OpenAiBase));
        string[] args = ["score", "mathvista", "--data", tsv, "--predictions", predictions, "--format", "json", "--judge", "judge-model"];
        for (int i = 0; i < 2; i++)
        {
            var json = JsonNode.Parse(Ok(CliHarness.Run(vague, env, args)).Out)!;
            Assert.Equal(100, json["overall"]!.GetValue<double>());
        }
        Assert.Single(server.Requests);
        Assert.True(File.Exists(Path.Combine(dir, "cache", "xgen-eval", "judge", "judge-cache.jsonl")));
    }
}
