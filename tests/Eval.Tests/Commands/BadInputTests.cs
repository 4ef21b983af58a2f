using XGenEval.Benchmarks.Datasets;
using XGenEval.Cli.Cli;
using XGenEval.Cli.Tests.Cli;

namespace XGenEval.Cli.Tests.Commands;

/// <summary>
/// Every kind of bad input named by the foundation issue, through the real command line: a one-line error
/// that names the file (and row, where there is one) and the problem, exit code 1 (data) or 2 (usage), and
/// no stack trace.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("xgen-bad-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    string Write(string name, string content)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    static string PopeSample => ShippedData.Path("samples/pope/pope_sample.tsv");

    static void AssertOneLineError(CliHarness.Result r, int exitCode, params string[] mentions)
    {
        Assert.Equal(exitCode, r.ExitCode);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("xgen-eval: error: ")).ToList();
        Assert.Single(lines);
        foreach (var m in mentions) Assert.Contains(m, lines[0]);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void MissingDataFile()
    {
        string missing = Path.Combine(dir, "POPE.tsv");
        AssertOneLineError(CliHarness.Run("score", "pope", "--data", missing, "--predictions", Write("p.tsv", "index\tprediction\n1\tYes\n")),
            ExitCodes.Failed, missing, "file not found");
        AssertOneLineError(CliHarness.Run("run", "pope", "--data", missing, "--work-dir", dir), ExitCodes.Failed, missing, "file not found");
    }

    [Fact]
    public void RegisteredFileWithTheWrongChecksum()
    {
        // POPE.tsv is in the registry with VLMEvalKit's MD5; the shipped sample is not that file.
        string copy = Path.Combine(dir, "POPE.tsv");
        File.Copy(PopeSample, copy);
        AssertOneLineError(CliHarness.Run("score", "pope", "--data", copy, "--predictions", Write("p.tsv", "index\tprediction\n1\tYes\n")),
            ExitCodes.Failed, copy, "MD5");
    }

    [Fact]
    public void DataNotFoundUnderTheDataRoots()
    {
        AssertOneLineError(CliHarness.Run("run", "pope", "--data-root", dir, "--work-dir", dir), ExitCodes.Failed, "POPE.tsv not found in", dir);
        // Files are looked for before a run directory is made: nothing is left behind.
        Assert.Empty(Directory.GetFiles(dir, "manifest.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void MalformedDataFileNamesRowAndColumn()
    {
        var lines = File.ReadAllLines(PopeSample);
        string header = lines[0];
        var cells = lines[2].Split('\t');
        int image = Array.IndexOf(header.Split('\t'), "image");
        cells[image] = new string('!', 100); // not base64
        string bad = Write("pope_bad.tsv", string.Join("\n", [header, lines[1], string.Join("\t", cells)]) + "\n");
        AssertOneLineError(CliHarness.Run("score", "pope", "--data", bad, "--predictions", Write("p.tsv", "index\tprediction\n1\tYes\n")),
            ExitCodes.Failed, bad, "row 2", "'image'");
    }

    [Fact]
    public void DuplicateIndicesInTheDataset()
    {
        var lines = File.ReadAllLines(PopeSample);
        string dup = Write("pope_dup.tsv", string.Join("\n", [lines[0], lines[1], lines[1]]) + "\n");
        AssertOneLineError(CliHarness.Run("score", "pope", "--data", dup, "--predictions", Write("p.tsv", "index\tprediction\n1\tYes\n")),
            ExitCodes.Failed, dup, "duplicate");

        // Through `run` the file is read once the run directory exists: the run that stopped before any
        // benchmark began is recorded as failed, never as complete.
        AssertOneLineError(CliHarness.Run("run", "pope", "--data", dup, "--work-dir", dir), ExitCodes.Failed, dup, "duplicate");
        var manifests = Directory.GetFiles(dir, "manifest.json", SearchOption.AllDirectories);
        Assert.NotEmpty(manifests);
        foreach (var manifest in manifests)
            Assert.Equal("failed", System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!["status"]!.GetValue<string>());
    }

    [Fact]
    public void PredictionsWithoutTheNeededColumnsOrWithDuplicateIndices()
    {
        string noColumn = Write("nocol.tsv", "index\tanswer\n1\tYes\n");
        AssertOneLineError(CliHarness.Run("score", "pope", "--split", "sample", "--predictions", noColumn), ExitCodes.Failed, noColumn, "missing column 'prediction'");
        string duplicate = Write("dup.tsv", "index\tprediction\n1\tYes\n1\tNo\n");
        AssertOneLineError(CliHarness.Run("score", "pope", "--split", "sample", "--predictions", duplicate), ExitCodes.Failed, duplicate, "row 2", "duplicate index 1");
    }

    [Theory]
    [InlineData("run", "nosuch")]
    [InlineData("score", "nosuch", "--predictions", "p.tsv")]
    [InlineData("run", "pope", "--split", "nosuch")]
    [InlineData("run", "pope", "--shard", "2/2")]
    [InlineData("run", "pope", "--limit", "0")]
    [InlineData("run", "pope", "--batch-size", "0")]
    [InlineData("run", "pope", "mme", "--data", "x.tsv")]
    [InlineData("run", "pope", "--model", "Gregor/mblip-mt0-xl")]
    [InlineData("run", "pope", "--model", "not a model")]
    [InlineData("score", "pope", "--split", "sample", "--predictions", "p.tsv", "-S", "nonsense")]
    public void UsageErrors(params string[] args)
    {
        var r = CliHarness.Run(args[0] == "run" ? [.. args, "--work-dir", dir] : args);
        AssertOneLineError(r, ExitCodes.Usage);
    }
}
