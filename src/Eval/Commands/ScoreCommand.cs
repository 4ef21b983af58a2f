using System.CommandLine;
using XGenEval.Benchmarks;
using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Datasets;
using XGenEval.Benchmarks.Predictions;
using XGenEval.Cli.Cli;
using XGenEval.Cli.Runs;
using XGenEval.Core.Errors;
using XGenEval.Core.IO;

namespace XGenEval.Cli.Commands;

/// <summary>`xgen-eval score`: score predictions made elsewhere against a benchmark's data.</summary>
public static class ScoreCommand
{
    public static Command Create(CliContext context)
    {
        var benchmark = new Argument<string>("benchmark") { Description = "The benchmark the predictions answer (`xgen-eval ls benchmarks`)" };
        var predictions = new Option<string>("--predictions", "-p")
        {
            Description = "Predictions: TSV, CSV, JSONL, JSON list or Parquet with `index` and `prediction` columns (VLMEvalKit's names)",
            Required = true,
            HelpName = "FILE",
        };
        var data = new Option<string[]>("--data") { Description = "The benchmark's data file(s) (default: looked up like `run` does)", HelpName = "FILE" };
        var split = CommonOptions.Split();
        var dataRoot = CommonOptions.DataRoot();
        var format = new Option<string>("--format", "-f") { Description = "table, json or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output", HelpName = "FILE" };
        var partial = new Option<bool>("--partial") { Description = "Score only the samples that have a prediction (and say how many lack one) instead of failing" };
        var indexColumn = new Option<string>("--index-column") { Description = "Name of the index column", DefaultValueFactory = _ => PredictionFileReader.DefaultIndexColumn };
        var predictionColumn = new Option<string>("--prediction-column") { Description = "Name of the prediction column", DefaultValueFactory = _ => PredictionFileReader.DefaultPredictionColumn };
        var scoring = CommonOptions.ScoringOptions();
        var judge = new JudgeOptions();

        var command = new Command("score", "Score predictions made elsewhere (VLMEvalKit, lmms-eval, your own script) with xgen-eval's scorers.")
        {
            benchmark, predictions, data, split, dataRoot, format, output, partial, indexColumn, predictionColumn, scoring,
        };
        judge.AddTo(command);
        command.SetAction(parse =>
        {
            var scoringOptions = CommonOptions.ParseScoring(parse.GetValue(scoring)); // usage errors before any file is read
            var (bench, splitName) = BenchmarkCatalog.Resolve([parse.GetValue(benchmark)!], parse.GetValue(split)).Single();
            var splitInfo = bench.Info.Split(splitName);
            var files = parse.GetValue(data) is { Length: > 0 } given
                ? DataLocator.Explicit(splitInfo, given)
                : new DataLocator(parse.GetValue(dataRoot)).Locate(bench.Info, splitInfo);
            var samples = bench.LoadSamples(files).ToList();
            string predictionsPath = parse.GetValue(predictions)!;
            var records = PredictionFileReader.Read(predictionsPath, parse.GetValue(indexColumn)!, parse.GetValue(predictionColumn)!);
            var matched = PredictionMatcher.Match(samples, records, predictionsPath, parse.GetValue(partial));
            if (matched.Predictions.Count == 0) throw new DataException($"{predictionsPath}: no prediction matches a sample of {bench.Info.Name}");
            if (matched.MissingIndices.Count > 0)
                context.Error.WriteLine($"warning: {matched.MissingIndices.Count} of {samples.Count} samples have no prediction and are left out (--partial)");

            var settings = judge.Settings(parse, context);
            var report = RunJudging.Score(bench, matched.Predictions, scoringOptions, 0, settings,
                settings is null ? "" : RunJudging.UserCacheFile(settings, context.Environment), m => context.Error.WriteLine("warning: " + m),
                context.Cancellation, out _);
            string text = parse.GetValue(format) switch
            {
                "json" => ScoreReportFiles.ToJsonText(report),
                "csv" => ScoreReportFiles.ToCsv(report),
                _ => ReportText.Render(report),
            };
            if (parse.GetValue(output) is { } path) AtomicFile.WriteAllText(path, text);
            else context.Out.Write(text);
            string attachmentFolder = parse.GetValue(output) is { } outPath ? Path.GetDirectoryName(Path.GetFullPath(outPath))! : Directory.GetCurrentDirectory();
            foreach (var (fileName, content) in report.Attachments)
            {
                string attachment = Path.Combine(attachmentFolder, Path.GetFileName(fileName));
                AtomicFile.WriteAllText(attachment, content);
                context.Error.WriteLine($"wrote {attachment}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
