using SkiaSharp;
using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Benchmarks.FewShot;
using XGenEval.Cli.Cli;
using XGenEval.Cli.FewShot;
using XGenEval.Cli.Runs;
using XGenEval.Core.Images;
using XGenEval.Core.Models;
using XGenEval.Model.Catalog;

namespace XGenEval.Cli.Tests.FewShot;

/// <summary>
/// Few-shot with the embedded tiny xGen-MM run as a base model (<c>xgenmm-tiny-base</c>): the OpenFlamingo
/// protocol end to end on the shipped COCO sample at 0 and 4 shots, interrupted and resumed; RICES on a drawn
/// pool whose nearest neighbours are known, and its feature cache.
/// </summary>
public class TinyModelFewShotTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("xgen-fewshot-tiny-").FullName;

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        GC.SuppressFinalize(this);
    }

    static readonly string[] Protocol =
        ["run", "coco", "--split", "sample", "--model", EmbeddedModels.TinyBaseId, "--shots", "0,4", "--trials", "2",
         "--limit", "2", "--max-new-tokens", "2", "--num-beams", "1", "--batch-size", "1"];

    static (int Code, string Out, string Error) Run(IModelLoader models, CancellationToken cancel, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, new CliContext { Out = output, Error = error, Models = models, Cancellation = cancel });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>"trial/item" -> raw output, from every trial's predictions table.</summary>
    static SortedDictionary<string, string> Outputs(string workDir)
    {
        string run = RunDirectory.ResolveExisting(Path.Combine(workDir, EmbeddedModels.TinyBaseId));
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(run, "predictions"), "*.parquet"))
            foreach (var row in ParquetTable.Read(file).Rows)
                result.Add($"{Path.GetFileNameWithoutExtension(file)}/{row["index"]}", $"{row["raw_output"]} | {row["demonstrations"]}");
        return result;
    }

    [Fact]
    public void ZeroAndFourShotTrialsRunPrintTheirMeanAndStdAndResumeAfterAnInterruption()
    {
        string whole = Path.Combine(root, "whole");
        var first = Run(new CountingModels(), CancellationToken.None, [.. Protocol, "--work-dir", whole]);
        Assert.True(first.Code == ExitCodes.Ok, first.Error);
        // The per-trial table, then the few-shot table: one row per shot count with both trials' scores.
        Assert.Contains("coco.4shot.seed43", first.Out);
        Assert.Contains("few-shot (std: population (numpy nanstd, ddof=0))", first.Out);
        var rows = first.Out.Split('\n').Where(l => l.StartsWith("coco ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Contains(" CIDEr ", r));
        Assert.All(rows, r => Assert.Contains("2/2", r));
        var outputs = Outputs(whole);
        Assert.Equal(8, outputs.Count); // 2 items x 2 shot counts x 2 trials
        Assert.All(outputs.Where(o => o.Key.Contains(".4shot.")), o => Assert.Equal(4, o.Value.Split(" | ")[1].Split(' ').Length));

        // Interrupted after 3 of the 8 generations (batches of one): in the second trial. Then the same command again.
        string cut = Path.Combine(root, "cut");
        using var interrupt = new CancellationTokenSource();
        var stopped = Run(new CountingModels(interrupt, interruptAfter: 3), interrupt.Token, [.. Protocol, "--work-dir", cut]);
        Assert.Equal(ExitCodes.Interrupted, stopped.Code);
        var resumedModels = new CountingModels();
        var resumed = Run(resumedModels, CancellationToken.None, [.. Protocol, "--work-dir", cut]);
        Assert.True(resumed.Code == ExitCodes.Ok, resumed.Error);
        Assert.Contains("continuing run", resumed.Error);
        Assert.Contains("coco.0shot.seed43 (sample): 2 items, 1 already done, 1 to run", resumed.Error);
        Assert.Equal(5, resumedModels.Last!.GenerateCalls); // only what the interruption left
        Assert.Equal(outputs, Outputs(cut));
        Assert.Equal(rows, resumed.Out.Split('\n').Where(l => l.StartsWith("coco ", StringComparison.Ordinal)));
    }

    [Fact]
    public void RicesFeaturesAreCachedAndReusedAcrossRuns()
    {
        string cache = Path.Combine(root, "features");
        string[] args = ["run", "coco", "--split", "sample", "--model", EmbeddedModels.TinyBaseId, "--shots", "2", "--demo-selection", "rices",
            "--limit", "2", "--max-new-tokens", "2", "--num-beams", "1", "--feature-cache", cache, "--work-dir", Path.Combine(root, "rices")];
        var firstModels = new CountingModels();
        var first = Run(firstModels, CancellationToken.None, [.. args, "--seeds", "42"]);
        Assert.True(first.Code == ExitCodes.Ok, first.Error);
        Assert.Equal(24 + 2, firstModels.Last!.EmbeddedImages); // the whole pool (24 < 2048) and the two items
        Assert.Equal(2, Directory.GetFiles(cache, "*.features").Length); // one per dataset: pool and evaluation split

        var secondModels = new CountingModels();
        var second = Run(secondModels, CancellationToken.None, [.. args, "--seeds", "7"]);
        Assert.True(second.Code == ExitCodes.Ok, second.Error);
        Assert.Contains("new run", second.Error);
        Assert.Equal(0, secondModels.Last!.EmbeddedImages);
    }

    static ImageSource Drawn(string id, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(96, 72));
        surface.Canvas.Clear(SKColors.White);
        draw(surface.Canvas);
        using var png = surface.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
        return EncodedImageSource.FromBytes(id, id + ".png", png.ToArray());
    }

    static readonly (string Name, Action<SKCanvas> Draw)[] Shapes =
    [
        ("red-square", c => c.DrawRect(20, 12, 56, 48, new SKPaint { Color = SKColors.Red })),
        ("blue-circle", c => c.DrawCircle(48, 36, 26, new SKPaint { Color = SKColors.Blue })),
        ("green-field", c => c.DrawRect(0, 36, 96, 36, new SKPaint { Color = SKColors.Green })),
        ("black-dots", c => { for (int i = 0; i < 4; i++) c.DrawCircle(14 + i * 22, 36, 8, new SKPaint { Color = SKColors.Black }); }),
        ("yellow-solid", c => c.Clear(SKColors.Yellow)),
        ("purple-stripes", c => { for (int i = 0; i < 6; i++) c.DrawRect(i * 16, 0, 8, 72, new SKPaint { Color = SKColors.Purple }); }),
    ];

    [Fact]
    public void RicesPicksEachQuerysTwinFromADrawnPoolAndPutsItLast()
    {
        // Each query is drawn again, pixel for pixel, as a separate image: its nearest pool item is known.
        var pool = Shapes.Select(s => new Sample { Index = "pool-" + s.Name, Images = [Drawn("pool-" + s.Name, s.Draw)] }).ToList();
        var queries = Shapes.Select(s => new Sample { Index = "query-" + s.Name, Images = [Drawn("query-" + s.Name, s.Draw)] }).ToList();
        using var runner = new CountingRunner(ModelCatalog.Load(EmbeddedModels.TinyBaseId, "cpu", "float32"));
        using var log = new RunLog(TextWriter.Null, verbose: false, quiet: true);
        var store = new RicesFeatureStore(Path.Combine(root, "drawn"), runner, log);
        var poolFeatures = store.For(pool, "drawn-pool", "demonstration", CancellationToken.None);
        var queryFeatures = store.For(queries, "drawn-queries", "evaluation", CancellationToken.None);
        var candidates = pool.Select(p => (p.Index, poolFeatures[p.Index])).ToList();
        foreach (var q in queries)
        {
            var chosen = RicesRanking.Choose(queryFeatures[q.Index], candidates, 3).Select(p => candidates[p].Index).ToList();
            string twin = q.Index.Replace("query-", "pool-");
            var similarities = string.Join(", ", candidates.Select(c => $"{c.Index} {RicesRanking.Similarity(queryFeatures[q.Index], c.Item2):0.000000}"));
            Assert.True(chosen[^1] == twin, $"{q.Index}: chose {string.Join(",", chosen)}; similarities {similarities}");
            Assert.Equal(3, chosen.Distinct().Count());
        }
        Assert.Equal(12, runner.EmbeddedImages);

        // A new store over the same cache folder computes nothing and reads back the same vectors.
        using var again = new CountingRunner(ModelCatalog.Load(EmbeddedModels.TinyBaseId, "cpu", "float32"));
        var reread = new RicesFeatureStore(Path.Combine(root, "drawn"), again, log).For(pool, "drawn-pool", "demonstration", CancellationToken.None);
        Assert.Equal(0, again.EmbeddedImages);
        Assert.All(pool, p => Assert.Equal(poolFeatures[p.Index], reread[p.Index]));
    }
}
