using System.CommandLine;
using System.Globalization;
using XGenEval.Benchmarks;
using XGenEval.Cli.Cli;
using XGenEval.Cli.FewShot;
using XGenEval.Cli.Runs;
using XGenEval.Core.Errors;
using XGenEval.Core.Models;

namespace XGenEval.Cli.Commands;

/// <summary>`xgen-eval run`: evaluate a model on benchmarks into a run directory (resumable).</summary>
public static class RunCommand
{
    /// <summary>New-token cap of the `demo` suite when --max-new-tokens is not given.</summary>
    public const int DemoMaxNewTokens = 16;

    public static Command Create(CliContext context)
    {
        var benchmarks = new Argument<string[]>("benchmark")
        {
            Description = "Benchmarks to run (`xgen-eval ls benchmarks`), or `demo` for every shipped sample",
            Arity = ArgumentArity.OneOrMore,
        };
        var model = CommonOptions.Model();
        var split = CommonOptions.Split();
        var data = new Option<string[]>("--data") { Description = "The benchmark's data file(s), instead of looking them up", HelpName = "FILE" };
        var dataRoot = CommonOptions.DataRoot();
        var workDir = new Option<string>("--work-dir", "-w")
        {
            Description = "Where run directories go: <work-dir>/<model>/<run-id>/",
            DefaultValueFactory = _ => "results",
            HelpName = "DIR",
        };
        var limit = new Option<int?>("--limit") { Description = "Only the first N items of each benchmark", HelpName = "N" };
        var batchSize = new Option<int>("--batch-size", "-b") { Description = "Prompts per model call", DefaultValueFactory = _ => 8, HelpName = "N" };
        var maxNewTokens = new Option<int?>("--max-new-tokens") { Description = "Override every benchmark's max new tokens", HelpName = "N" };
        var numBeams = new Option<int?>("--num-beams") { Description = "Override every benchmark's beam count (1 = greedy)", HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed for anything random (few-shot demos)", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue an earlier run (the newest with these settings, or --run-id); fail if there is none. Re-running the same command continues it too" };
        var fresh = new Option<bool>("--fresh") { Description = "Start a new run even if an earlier one has these settings" };
        var runId = new Option<string?>("--run-id") { Description = "Name the run directory (default: T<date>-<time>)", HelpName = "ID" };
        var shard = new Option<string?>("--shard") { Description = "Do shard K of N (0 <= K < N), e.g. one process per GPU; the last to finish scores", HelpName = "K/N" };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "auto" };
        var tokenizer = CommonOptions.Tokenizer();
        var dtype = new Option<string>("--dtype") { Description = "float32, bfloat16, float16 or auto (bfloat16 on GPU, float32 on CPU)", DefaultValueFactory = _ => "auto" };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Run again the items whose earlier attempt failed" };
        var offline = new Option<bool>("--offline") { Description = "Never use the network (model and data must be local)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only warnings, errors and the result table" };
        var scoring = CommonOptions.ScoringOptions();
        var judge = new JudgeOptions();
        var shots = new Option<string?>("--shots") { Description = "Few-shot: shot counts, e.g. 0,4,8 (each run as its own trials; docs/few-shot.md)", HelpName = "K,K,..." };
        var trials = new Option<int?>("--trials") { Description = $"Few-shot: trials per shot count (default: one per --seeds, else 1); seeds {FewShotOptions.DefaultFirstSeed}, {FewShotOptions.DefaultFirstSeed + 1}, ... unless --seeds", HelpName = "N" };
        var seeds = new Option<string?>("--seeds") { Description = $"Few-shot: one seed per trial, e.g. 42,43,44 (default: from --seed if given, else {FewShotOptions.DefaultFirstSeed}, counting up)", HelpName = "S,S,..." };
        var demoSelection = new Option<string>("--demo-selection") { Description = "Few-shot: how demonstrations are chosen: random (per item, from the query set) or rices (most similar images, most similar last)", DefaultValueFactory = _ => "random", HelpName = "random|rices" };
        var querySetSize = new Option<string>("--query-set-size") { Description = "Few-shot: how many items of the demonstration split form the pool, or 'all'", DefaultValueFactory = _ => FewShotOptions.DefaultQuerySetSize.ToString(CultureInfo.InvariantCulture), HelpName = "N|all" };
        var plainZeroShot = new Option<bool>("--plain-zero-shot") { Description = "Few-shot: 0-shot prompts are the bare query, not OpenFlamingo's two text-only demonstrations (the default for base models)" };
        var demoData = new Option<string[]>("--demo-data") { Description = "Few-shot: the demonstration split's file(s), instead of looking them up", HelpName = "FILE" };
        var featureCache = new Option<string?>("--feature-cache") { Description = "Few-shot: where RICES image features are cached (default: <data root>/cache/rices)", HelpName = "DIR" };

        var command = new Command("run", "Evaluate a model on benchmarks. Predictions are journaled as they are made; an interrupted run continues where it stopped.")
        {
            benchmarks, model, split, data, dataRoot, workDir, limit, batchSize, maxNewTokens, numBeams, seed,
            resume, fresh, runId, shard, device, dtype, tokenizer, retryFailed, offline, quiet, scoring,
            shots, trials, seeds, demoSelection, querySetSize, plainZeroShot, demoData, featureCache,
        };
        judge.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(resume) && parse.GetValue(fresh)) throw new UsageException("--resume and --fresh exclude each other");
            string[] names = parse.GetValue(benchmarks)!;
            int? maxNew = parse.GetValue(maxNewTokens);
            if (maxNew is null && names.Any(n => string.Equals(n, BenchmarkCatalog.DemoSuite, StringComparison.OrdinalIgnoreCase)))
            {
                // The embedded model's random weights never produce a stop token, so the benchmarks' reference
                // lengths (1024 new tokens for VLMEvalKit's MCQ) would only make the demo slow.
                maxNew = DemoMaxNewTokens;
                if (!parse.GetValue(quiet)) context.Error.WriteLine($"note: the demo suite generates at most {DemoMaxNewTokens} new tokens per item (--max-new-tokens overrides)");
            }
            var request = new RunRequest
            {
                Benchmarks = BenchmarkCatalog.Resolve(names, parse.GetValue(split)),
                DataFiles = parse.GetValue(data) ?? [],
                DataRoot = parse.GetValue(dataRoot),
                ModelId = parse.GetValue(model)!,
                LoadOptions = new ModelLoadOptions { Device = parse.GetValue(device)!, DType = parse.GetValue(dtype)!, Offline = parse.GetValue(offline), Tokenizer = parse.GetValue(tokenizer)! },
                WorkDirectory = parse.GetValue(workDir)!,
                Selection = parse.GetValue(resume) ? RunSelection.Resume : parse.GetValue(fresh) ? RunSelection.Fresh : RunSelection.Auto,
                RunId = parse.GetValue(runId),
                Shard = parse.GetValue(shard) is { } s ? ShardSpec.Parse(s) : ShardSpec.Whole,
                Limit = parse.GetValue(limit),
                BatchSize = parse.GetValue(batchSize),
                MaxNewTokens = maxNew,
                NumBeams = parse.GetValue(numBeams),
                Seed = parse.GetValue(seed),
                RetryFailed = parse.GetValue(retryFailed),
                Scoring = CommonOptions.ParseScoring(parse.GetValue(scoring)),
                Judge = judge.Settings(parse, context),
                Argv = context.Arguments,
                FewShot = FewShotArguments.Parse(
                    parse.GetValue(shots), parse.GetValue(trials), parse.GetValue(seeds),
                    parse.GetResult(seed) is { Implicit: false } ? parse.GetValue(seed) : null,
                    parse.GetResult(demoSelection) is { Implicit: false } ? parse.GetValue(demoSelection) : null,
                    parse.GetResult(querySetSize) is { Implicit: false } ? parse.GetValue(querySetSize) : null,
                    parse.GetValue(plainZeroShot), parse.GetValue(demoData) ?? [], parse.GetValue(featureCache)),
            };
            if (request.ModelId == DefaultModels.DefaultModelId && !parse.GetValue(quiet))
                context.Error.WriteLine($"note: using {DefaultModels.DefaultModelId}, the embedded tiny model with RANDOM weights: its scores mean nothing. Pass --model for a real checkpoint.");

            using var log = new RunLog(context.Error, parse.GetValue(CommonOptions.Verbose), parse.GetValue(quiet));
            var runner = new EvaluationRunner(context.Models, log, context.Error, context.ErrorIsTerminal);
            RunOutcome outcome = runner.Run(request, context.Cancellation);
            context.Out.Write(ResultTable(outcome));
            if (outcome.FewShot is { Count: > 0 } fewShot) context.Out.Write(FewShotTable(fewShot));
            context.Out.WriteLine($"run directory: {outcome.Run.Path}");
            if (outcome.Interrupted)
            {
                context.Error.WriteLine("xgen-eval: interrupted; run the same command again to continue");
                return ExitCodes.Interrupted;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    static string ResultTable(RunOutcome outcome)
    {
        var table = new ConsoleTable("benchmark", "split", "metric", "value", "items", "status");
        foreach (var b in outcome.Benchmarks)
        {
            string status = b.Status == "complete"
                ? (b.Failed > 0 ? $"complete, {b.Failed} failed" : "complete")
                : $"{b.Status} ({b.Completed}/{b.Items})";
            if (b.Report?.Counts is { } counts && counts.TryGetValue("judge_queries", out long asked) && asked > 0)
                status += $", judge failed {counts["judge_failed"] + counts["judge_unusable"]}/{asked}";
            table.Add(b.Benchmark, b.Split, b.Report?.PrimaryMetric ?? "", b.Report?.Overall, b.Items, status);
        }
        return table.ToString();
    }

    /// <summary>Per benchmark and shot count: the mean and population standard deviation over trials, and every trial's score.</summary>
    static string FewShotTable(IReadOnlyList<(string Benchmark, RunManifest.FewShotResultRecord Results)> results)
    {
        var table = new ConsoleTable("benchmark", "split", "shots", "metric", "mean", "std", "trials", "trial scores");
        foreach (var (benchmark, record) in results)
            foreach (var shot in record.Shots)
                table.Add(benchmark, record.Split, shot.Shots, record.Metric ?? "", shot.Mean ?? double.NaN, shot.Std ?? double.NaN,
                    $"{shot.CompleteTrials}/{shot.Trials.Count}",
                    string.Join(" ", shot.Trials.Select(t => t.Score is double d ? ConsoleTable.Format(d) : "-")));
        return "\nfew-shot (std: " + Benchmarks.FewShot.TrialStatistics.StdDevKind + ")\n" + table;
    }
}
