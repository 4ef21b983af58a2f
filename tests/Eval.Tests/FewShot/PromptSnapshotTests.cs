using System.Text.Json;
using System.Text.Json.Nodes;
using XGenEval.Cli.Cli;
using XGenEval.Cli.Tests.Cli;
using XGenEval.Model.Catalog;
using XGenEval.Model.Tokenizers;
using XGenEval.Model.XGenMM.Runner;
using XGenEval.Model.XGenMM.Splice;

namespace XGenEval.Cli.Tests.FewShot;

/// <summary>
/// Few-shot prompts for fixed seeds, as `xgen-eval run --shots` makes them (query set, demonstration choice,
/// assembly), rendered in the xGen-MM v1.5 base layout (<c>&lt;image&gt;</c> + 127 <c>&lt;image placeholder&gt;</c>,
/// <c>&lt;|endofchunk|&gt;</c>) and tokenized with the real xGen-MM tokenizer, must equal the committed snapshots
/// in TestData/fewshot/prompt_snapshots.json token for token. A deliberate change of the protocol regenerates them:
/// <c>XGEN_EVAL_UPDATE_SNAPSHOTS=1 dotnet test tests/Eval.Tests --filter PromptSnapshot</c>, then review the diff.
/// </summary>
public class PromptSnapshotTests : IDisposable
{
    const string FileName = "prompt_snapshots.json";
    readonly string root = Directory.CreateTempSubdirectory("xgen-snapshots-").FullName;

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        GC.SuppressFinalize(this);
    }

    static readonly (string Case, string[] Args)[] Cases =
    [
        ("coco sample, 4-shot, seed 42", ["coco", "--shots", "4", "--seeds", "42", "--limit", "3"]),
        ("coco sample, 0-shot (two text-only demonstrations), seed 42", ["coco", "--shots", "0", "--seeds", "42", "--limit", "3"]),
        ("vqav2 sample, 4-shot, seed 42", ["vqav2", "--shots", "4", "--seeds", "42", "--limit", "2"]),
        ("vqav2 sample, 2-shot, seed 7", ["vqav2", "--shots", "2", "--seeds", "7", "--limit", "2"]),
    ];

    JsonObject Current()
    {
        // The tokenizer mode the runner uses for the base layout (the v1.5 base demo's fast tokenizer).
        var tokenizer = XGenMMTokenizer.Load(EmbeddedModels.Find(EmbeddedModels.TinyId)!, TokenizerMode.Fast);
        var prompts = new JsonArray();
        foreach (var (name, args) in Cases)
        {
            var model = new StandInBaseModel();
            var r = CliHarness.Run(model, ["run", .. args, "--split", "sample", "--model", StandInBaseModel.Id, "--work-dir", Path.Combine(root, prompts.Count.ToString())]);
            Assert.True(r.ExitCode == ExitCodes.Ok, r.Error);
            foreach (var prompt in model.Prompts.OrderBy(p => p.Images.Last().Origin, StringComparer.Ordinal))
            {
                var rendered = XGenMMPromptRenderer.Render(prompt, SpliceLayout.Base, numLatents: 128);
                prompts.Add(new JsonObject
                {
                    ["case"] = name,
                    ["query_image"] = Path.GetFileName(prompt.Images.Last().Origin),
                    ["prompt"] = prompt.Render(),
                    ["token_ids"] = new JsonArray(tokenizer.Encode(rendered.Text).Select(id => (JsonNode)id).ToArray()),
                });
            }
        }
        return new JsonObject
        {
            ["about"] = "Few-shot prompts of `xgen-eval run --shots` for fixed seeds in the xGen-MM v1.5 base layout, tokenized with " +
                        "models/xgenmm-tiny/tokenizer.json (the real xGen-MM tokenizer). Regenerate deliberately with " +
                        "XGEN_EVAL_UPDATE_SNAPSHOTS=1 dotnet test tests/Eval.Tests --filter PromptSnapshot (tests/Eval.Tests/FewShot/PromptSnapshotTests.cs).",
            ["prompts"] = prompts,
        };
    }

    [Fact]
    public void PromptsMatchTheCommittedSnapshotsTokenForToken()
    {
        var current = Current();
        if (Environment.GetEnvironmentVariable("XGEN_EVAL_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(SourcePath(), Format(current));
            return;
        }
        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "fewshot", FileName)))!;
        var expected = committed["prompts"]!.AsArray();
        var actual = current["prompts"]!.AsArray();
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            string label = $"{expected[i]!["case"]} / {expected[i]!["query_image"]}";
            Assert.Equal((expected[i]!["case"]!.GetValue<string>(), expected[i]!["query_image"]!.GetValue<string>()),
                (actual[i]!["case"]!.GetValue<string>(), actual[i]!["query_image"]!.GetValue<string>()));
            Assert.True(expected[i]!["prompt"]!.GetValue<string>() == actual[i]!["prompt"]!.GetValue<string>(), $"{label}: prompt text differs:\n{actual[i]!["prompt"]}");
            var want = expected[i]!["token_ids"]!.AsArray().Select(t => t!.GetValue<int>()).ToList();
            var got = actual[i]!["token_ids"]!.AsArray().Select(t => t!.GetValue<int>()).ToList();
            int first = Enumerable.Range(0, Math.Min(want.Count, got.Count)).FirstOrDefault(k => want[k] != got[k], -1);
            Assert.True(want.Count == got.Count && first < 0, $"{label}: token ids differ (lengths {want.Count}, {got.Count}; first difference at {first})");
        }
    }

    [Fact]
    public void SnapshotsShowTheBaseLayout()
    {
        // Each image is <image> (32012) and 127 <image placeholder> (32013); each demonstration ends with <|endofchunk|> (32014).
        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "fewshot", FileName)))!["prompts"]!.AsArray();
        Assert.Equal(3 + 3 + 2 + 2, committed.Count);
        foreach (var p in committed)
        {
            var ids = p!["token_ids"]!.AsArray().Select(t => t!.GetValue<int>()).ToList();
            string text = p["prompt"]!.GetValue<string>();
            int images = CountOf(text, "<image>"), demos = CountOf(text, "<|endofchunk|>");
            Assert.Equal(images, ids.Count(id => id == 32012));
            Assert.Equal(127 * images, ids.Count(id => id == 32013));
            Assert.Equal(demos, ids.Count(id => id == 32014));
            for (int k = 0; k < ids.Count; k++)
                if (ids[k] == 32012) Assert.All(ids.Skip(k + 1).Take(127), id => Assert.Equal(32013, id));
            bool textOnly = p["case"]!.GetValue<string>().Contains("0-shot");
            Assert.Equal(textOnly ? 1 : demos + 1, images);
        }
    }

    static int CountOf(string text, string token) => (text.Length - text.Replace(token, "").Length) / token.Length;

    /// <summary>Token ids on one line per prompt, so that a diff shows which prompt changed.</summary>
    static string Format(JsonObject snapshot)
    {
        var indented = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var lines = new List<string> { "{", $"  \"about\": {JsonSerializer.Serialize(snapshot["about"]!.GetValue<string>(), indented)},", "  \"prompts\": [" };
        var prompts = snapshot["prompts"]!.AsArray();
        for (int i = 0; i < prompts.Count; i++)
        {
            var p = prompts[i]!;
            lines.Add("    {");
            foreach (string key in new[] { "case", "query_image", "prompt" })
                lines.Add($"      \"{key}\": {JsonSerializer.Serialize(p[key]!.GetValue<string>(), indented)},");
            lines.Add($"      \"token_ids\": [{string.Join(",", p["token_ids"]!.AsArray().Select(t => t!.GetValue<int>()))}]");
            lines.Add(i + 1 < prompts.Count ? "    }," : "    }");
        }
        lines.Add("  ]");
        lines.Add("}");
        return string.Join("\n", lines) + "\n";
    }

    static string SourcePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Eval.Tests", "TestData", "fewshot");
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "Eval.Tests")))
            {
                Directory.CreateDirectory(candidate);
                return Path.Combine(candidate, FileName);
            }
        }
        throw new DirectoryNotFoundException("tests/Eval.Tests not found above " + AppContext.BaseDirectory);
    }
}
