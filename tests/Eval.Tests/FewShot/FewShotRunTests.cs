using System.Text.Json.Nodes;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Benchmarks.FewShot;
using XGenEval.Cli.Cli;
using XGenEval.Cli.Runs;
using XGenEval.Cli.Tests.Cli;
using XGenEval.Core.Prompts;

namespace XGenEval.Cli.Tests.FewShot;

/// <summary>
/// `xgen-eval run --shots` on the shipped COCO sample with a stand-in base model: which demonstrations each item
/// gets does not depend on batch size, sharding or item order; trials are scored and summarised by mean and
/// population standard deviation; prompts that do not fit lose their earliest demonstrations, and it is recorded.
/// </summary>
public class FewShotRunTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("xgen-fewshot-").FullName;

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        GC.SuppressFinalize(this);
    }

    string Work(string name) => Path.Combine(root, name);

    static CliHarness.Result Run(StandInBaseModel model, string workDir, params string[] extra) =>
        CliHarness.Run(model, ["run", "coco", "--split", "sample", "--model", StandInBaseModel.Id, "--work-dir", workDir, "--feature-cache", Path.Combine(workDir, "features"), .. extra]);

    static void AssertOk(CliHarness.Result r) => Assert.True(r.ExitCode == ExitCodes.Ok, $"exit {r.ExitCode}: {r.Error}");

    static string RunDirectoryOf(string workDir) => RunDirectory.ResolveExisting(Path.Combine(workDir, StandInBaseModel.Id));

    static JsonNode Manifest(string workDir) => JsonNode.Parse(File.ReadAllText(Path.Combine(RunDirectoryOf(workDir), "manifest.json")))!;

    /// <summary>"trial key/item" -> the demonstration ids it got, from every journal of the run.</summary>
    static SortedDictionary<string, string> Demonstrations(string workDir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RunDirectoryOf(workDir), "journal"), "*.jsonl"))
        {
            string key = Path.GetFileName(file).Split(".shard-")[0].Replace(".jsonl", "");
            foreach (var line in File.ReadAllLines(file).Skip(1))
            {
                var entry = JsonNode.Parse(line)!;
                result.Add($"{key}/{entry["index"]}", string.Join(",", entry["demos"]!.AsArray().Select(d => d!.GetValue<string>())));
            }
        }
        return result;
    }

    static readonly string[] Protocol = ["--shots", "0,4", "--seeds", "42,43,44"];

    [Fact]
    public void DemonstrationsDoNotDependOnBatchSizeShardsOrItemOrder()
    {
        foreach (var selection in new[] { "random", "rices" })
        {
            string[] args = [.. Protocol, "--demo-selection", selection];
            AssertOk(Run(new StandInBaseModel(), Work($"{selection}-b1"), [.. args, "--batch-size", "1"]));
            var reference = Demonstrations(Work($"{selection}-b1"));
            Assert.Equal(12 * 6, reference.Count); // 12 items x (2 shot counts x 3 seeds)
            Assert.All(reference, kv => Assert.Equal(kv.Key.Contains(".0shot.") ? 2 : 4, kv.Value.Split(',').Length));

            foreach (int batch in new[] { 4, 16 })
            {
                AssertOk(Run(new StandInBaseModel(), Work($"{selection}-b{batch}"), [.. args, "--batch-size", batch.ToString()]));
                Assert.Equal(reference, Demonstrations(Work($"{selection}-b{batch}")));
            }

            var shared = new StandInBaseModel();
            for (int k = 0; k < 3; k++)
                AssertOk(Run(shared, Work($"{selection}-shards"), [.. args, "--shard", $"{k}/3", "--batch-size", "4"]));
            Assert.Equal(reference, Demonstrations(Work($"{selection}-shards")));

            AssertOk(Run(new StandInBaseModel(), Work($"{selection}-reversed"), [.. args, "--data", ReversedSample()]));
            Assert.Equal(reference, Demonstrations(Work($"{selection}-reversed")));
        }
    }

    /// <summary>A copy of the COCO sample's annotations listing the images in reverse order (the images are linked).</summary>
    string ReversedSample()
    {
        string dir = Path.Combine(root, "reversed");
        if (Directory.Exists(dir)) return Path.Combine(dir, "annotations", "captions_sample.json");
        Directory.CreateDirectory(Path.Combine(dir, "annotations"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "val2014"), ShippedData.Path("samples/coco/val2014"));
        var json = JsonNode.Parse(File.ReadAllText(ShippedData.Path("samples/coco/annotations/captions_sample.json")))!;
        json["images"] = new JsonArray(json["images"]!.AsArray().Reverse().Select(i => i!.DeepClone()).ToArray());
        json["annotations"] = new JsonArray(json["annotations"]!.AsArray().Reverse().Select(i => i!.DeepClone()).ToArray());
        string path = Path.Combine(dir, "annotations", "captions_sample.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Fact]
    public void TrialsAreSummarisedByMeanAndPopulationStdInTheTableTheManifestAndAFilePerShotCount()
    {
        var model = new StandInBaseModel();
        var r = Run(model, Work("a"), Protocol);
        AssertOk(r);
        var manifest = Manifest(Work("a"));
        var coco = manifest["few_shot_results"]!["coco"]!;
        Assert.Equal("CIDEr", coco["metric"]!.GetValue<string>());
        Assert.Equal(TrialStatistics.StdDevKind, coco["std_kind"]!.GetValue<string>());
        var shots = coco["shots"]!.AsArray();
        Assert.Equal([0, 4], shots.Select(s => s!["shots"]!.GetValue<int>()));
        foreach (var shot in shots)
        {
            var trials = shot!["trials"]!.AsArray();
            Assert.Equal([42, 43, 44], trials.Select(t => t!["seed"]!.GetValue<int>()));
            // Each trial's score is its own scores file's headline; the summary is their mean and population std.
            var scores = trials.Select(t => JsonNode.Parse(File.ReadAllText(Path.Combine(RunDirectoryOf(Work("a")), "scores", t!["key"]!.GetValue<string>() + ".json")))!["overall"]!.GetValue<double>()).ToList();
            Assert.Equal(scores, trials.Select(t => t!["score"]!.GetValue<double>()));
            double mean = scores.Average();
            Assert.Equal(mean, shot["mean"]!.GetValue<double>(), 9);
            Assert.Equal(Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Count), shot["std"]!.GetValue<double>(), 9);
            var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RunDirectoryOf(Work("a")), shot["scores"]!.GetValue<string>())))!;
            Assert.Equal(shot["mean"]!.GetValue<double>(), file["mean"]!.GetValue<double>());
            Assert.Equal(3, file["trials"]!.AsArray().Count);
        }
        // The stand-in repeats its last demonstration's caption: different demonstrations, different scores.
        Assert.True(shots[1]!["std"]!.GetValue<double>() > 0);

        Assert.Contains("few-shot (std: population", r.Out);
        var rows = r.Out.Split('\n').Where(l => l.StartsWith("coco ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("3/3", rows[1]);
        Assert.Contains(shots[1]!["mean"]!.GetValue<double>().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), rows[1]);

        var settings = manifest["settings"]!["few_shot"]!;
        Assert.Equal("two-text-only-demos", settings["zero_shot"]!.GetValue<string>());
        Assert.Equal(2048, settings["query_set_size"]!.GetValue<int>());
        var trial = manifest["benchmarks"]!["coco.4shot.seed43"]!;
        Assert.Equal("coco", trial["benchmark"]!.GetValue<string>());
        Assert.Equal(("sample-train", 43, 1), (trial["few_shot"]!["demonstration_split"]!.GetValue<string>(), trial["few_shot"]!["seed"]!.GetValue<int>(), trial["few_shot"]!["trial"]!.GetValue<int>()));
    }

    [Fact]
    public void JudgeRescoresEveryTrialAndTheShotCountsSummaries()
    {
        AssertOk(Run(new StandInBaseModel(), Work("j"), "--shots", "4", "--seeds", "42,43"));
        string run = RunDirectoryOf(Work("j"));
        var before = Manifest(Work("j"))["few_shot_results"]!["coco"]!["shots"]![0]!;

        // Re-scored on raw strings (no PTB tokenization): every trial's score changes, and so does their mean.
        var r = CliHarness.Run(new StandInBaseModel(), ["judge", run, "--judge", "none", "-S", "tokenize=none"]);
        AssertOk(r);
        Assert.Contains("coco.4shot.seed42", r.Out);
        Assert.Contains("coco.4shot.seed43", r.Out);
        var manifest = Manifest(Work("j"));
        var shot = manifest["few_shot_results"]!["coco"]!["shots"]![0]!;
        var trialScores = new[] { "coco.4shot.seed42", "coco.4shot.seed43" }
            .Select(k => manifest["benchmarks"]![k]!["overall"]!.GetValue<double>()).ToList();
        Assert.Equal(trialScores, shot["trials"]!.AsArray().Select(t => t!["score"]!.GetValue<double>()));
        Assert.Equal(trialScores.Average(), shot["mean"]!.GetValue<double>(), 9);
        Assert.NotEqual(before["mean"]!.GetValue<double>(), shot["mean"]!.GetValue<double>());
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(run, shot["scores"]!.GetValue<string>())))!;
        Assert.Equal(shot["mean"]!.GetValue<double>(), file["mean"]!.GetValue<double>());
        Assert.Equal("none", manifest["benchmarks"]!["coco.4shot.seed42"]!["scoring_options"]!["tokenize"]!.GetValue<string>());
    }

    [Fact]
    public void JudgeCountsTheTrialsTheRunPlannedNotOnlyThoseItStarted()
    {
        AssertOk(Run(new StandInBaseModel(), Work("p"), "--shots", "4", "--seeds", "42,43"));
        string run = RunDirectoryOf(Work("p"));
        // As if the run had been stopped before its second trial began: no entry, no journal.
        RunManifestStore.Update(run, m => m.Benchmarks.Remove("coco.4shot.seed43"));
        File.Delete(Path.Combine(run, "journal", "coco.4shot.seed43.jsonl"));

        AssertOk(CliHarness.Run(new StandInBaseModel(), ["judge", run, "--judge", "none"]));
        var shot = Manifest(Work("p"))["few_shot_results"]!["coco"]!["shots"]![0]!;
        Assert.Equal(1, shot["complete_trials"]!.GetValue<int>());
        Assert.Equal(["complete", "pending"], shot["trials"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()));
        Assert.Null(shot["scores"]); // no summary for a shot count with a trial still to run
    }

    [Fact]
    public void ZeroShotPromptsCarryTwoTextOnlyDemonstrationsUnlessAskedNotTo()
    {
        var model = new StandInBaseModel();
        AssertOk(Run(model, Work("text"), "--shots", "0"));
        Assert.Equal(12, model.Prompts.Count);
        Assert.All(model.Prompts, p =>
        {
            Assert.Equal(1, p.ImageCount);
            Assert.Equal(2, p.Segments.Count(s => s is ChunkEndSegment));
            Assert.StartsWith("Output:", p.Render());
            Assert.EndsWith("<|endofchunk|>\n<image>Output:", p.Render());
        });

        var plain = new StandInBaseModel();
        var r = Run(plain, Work("plain"), "--shots", "0", "--trials", "3", "--plain-zero-shot");
        AssertOk(r);
        Assert.Equal(12, plain.Prompts.Count); // seed-free: one trial, not three
        Assert.All(plain.Prompts, p => Assert.Equal("<image>Output:", p.Render()));
        Assert.Equal(["coco.0shot"], Manifest(Work("plain"))["benchmarks"]!.AsObject().Select(kv => kv.Key));
    }

    [Fact]
    public void TheRunKeyHoldsTheFewShotSettings()
    {
        AssertOk(Run(new StandInBaseModel(), Work("k"), "--shots", "4", "--seeds", "1,2"));
        var again = Run(new StandInBaseModel(), Work("k"), "--shots", "4", "--seeds", "1,2");
        AssertOk(again);
        Assert.Contains("continuing run", again.Error);
        Assert.Contains("12 already done, 0 to run", again.Error);
        foreach (var other in new[] { new[] { "--shots", "4", "--seeds", "1,3" }, ["--shots", "4,8", "--seeds", "1,2"], ["--shots", "4", "--seeds", "1,2", "--query-set-size", "10"], ["--shots", "4", "--seeds", "1,2", "--demo-selection", "rices"] })
        {
            var r = Run(new StandInBaseModel(), Work("k"), other);
            AssertOk(r);
            Assert.Contains("new run", r.Error);
        }
        Assert.Equal(5, Directory.GetDirectories(Path.Combine(Work("k"), StandInBaseModel.Id)).Length);
    }

    [Fact]
    public void PromptsTooLongForTheContextLoseTheirEarliestDemonstrationsAndTheRunSaysSo()
    {
        // 100 per image: a 4-shot prompt (5 images and its text) needs over 500; 20 new tokens must fit as well.
        var model = new StandInBaseModel(contextLength: 420);
        AssertOk(Run(model, Work("t"), "--shots", "4", "--seeds", "5", "--limit", "3"));
        Assert.All(model.Prompts, p => Assert.True(model.CountPromptTokens(p) <= 400, p.Render()));
        Assert.All(model.Prompts, p => Assert.Equal(3, p.ImageCount)); // two demonstrations dropped: 3 x 100 + text <= 400
        var manifest = Manifest(Work("t"));
        var record = manifest["benchmarks"]!["coco.4shot.seed5"]!["few_shot"]!;
        Assert.Equal((3, 6), (record["truncated_items"]!.GetValue<int>(), record["dropped_demonstrations"]!.GetValue<int>()));
        string journal = File.ReadAllLines(Path.Combine(RunDirectoryOf(Work("t")), "journal", "coco.4shot.seed5.jsonl"))[1];
        Assert.Equal(2, JsonNode.Parse(journal)!["dropped_demos"]!.GetValue<int>());
        // The kept demonstrations are the last two of the four drawn.
        var kept = JsonNode.Parse(journal)!["demos"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        var pool = QuerySet.Select(new Benchmarks.Adapters.Coco.CocoCaptionBenchmark().LoadSamples(new DataLocator().Locate(
            new Benchmarks.Adapters.Coco.CocoCaptionBenchmark().Info, new Benchmarks.Adapters.Coco.CocoCaptionBenchmark().Info.Split("sample-train"))).ToList(), 5, 2048);
        string item = JsonNode.Parse(journal)!["index"]!.GetValue<string>();
        Assert.Equal(RandomDemonstrations.Choose(5, item, 4, 4, pool.Count).Skip(2).Select(p => pool.Items[p].Index), kept);
        var scores = JsonNode.Parse(File.ReadAllText(Path.Combine(RunDirectoryOf(Work("t")), "scores", "coco.4shot.seed5.json")))!;
        Assert.Contains(scores["notes"]!.AsArray(), n => n!.GetValue<string>().Contains("3 item(s) lost demonstrations"));
    }

    [Theory]
    [InlineData("--trials", "2")]
    [InlineData("--shots", "4", "--trials", "2", "--seeds", "1,2,3")]
    [InlineData("--shots", "4,4")]
    [InlineData("--shots", "four")]
    [InlineData("--shots", "4", "--demo-selection", "nearest")]
    [InlineData("--shots", "4", "--query-set-size", "0")]
    [InlineData("--shots", "4", "--split", "karpathy-train")]
    public void BadFewShotOptionsAreUsageErrors(params string[] args)
    {
        var r = Run(new StandInBaseModel(), Work("bad"), args);
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.StartsWith("xgen-eval: error: ", r.Error);
    }

    [Fact]
    public void BenchmarksWithoutFewShotPromptsAreRefused()
    {
        var r = CliHarness.Run(new StandInBaseModel(), "run", "mme", "--split", "sample", "--model", StandInBaseModel.Id, "--work-dir", Work("mme"), "--shots", "4");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("mme has no few-shot prompts", r.Error);
    }
}
