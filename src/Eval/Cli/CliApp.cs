using System.CommandLine;
using XGenEval.Cli.Commands;
using XGenEval.Core.Errors;

namespace XGenEval.Cli.Cli;

/// <summary>
/// The `xgen-eval` command line: builds the command tree, parses, runs the chosen command, and turns
/// errors into one-line messages and exit codes (<see cref="ExitCodes"/>).
/// </summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (cancel.IsCancellationRequested) return; // a second Ctrl+C ends the process at once
            e.Cancel = true;
            Console.Error.WriteLine("\nxgen-eval: stopping after the batch in flight (Ctrl+C again to abort at once)");
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var context = new CliContext
            {
                Out = Console.Out,
                Error = Console.Error,
                ErrorIsTerminal = !Console.IsErrorRedirected,
                Models = DefaultModels.Loader(),
                Cancellation = cancel.Token,
            };
            return Run(args, context);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static int Run(string[] args, CliContext context)
    {
        context = context with { Arguments = args };
        RootCommand root = BuildCommand(context);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) context.Error.WriteLine($"xgen-eval: error: {error.Message}");
            context.Error.WriteLine("Try `xgen-eval --help` or `xgen-eval <command> --help`.");
            return ExitCodes.Usage;
        }
        bool verbose = parse.GetValue(CommonOptions.Verbose);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            return Fail(context, e, verbose, ExitCodes.Usage);
        }
        catch (DataException e)
        {
            return Fail(context, e, verbose, ExitCodes.Failed);
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine("xgen-eval: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            return Fail(context, e, verbose, ExitCodes.Failed, unexpected: true);
        }
    }

    public static RootCommand BuildCommand(CliContext context)
    {
        var root = new RootCommand(
            "xgen-eval: evaluate vision-language models (xGen-MM, mBLIP, ...) on standard benchmarks, " +
            "with scores that match the official scorers.");
        root.Options.Add(CommonOptions.Verbose);
        // The built-in --version reports the entry assembly (a test host, when run in-process); ours
        // reports this harness build, as run manifests do.
        foreach (var builtIn in root.Options.OfType<VersionOption>().ToList()) root.Options.Remove(builtIn);
        var version = new Option<bool>("--version") { Description = "Show the xgen-eval version (and git commit)" };
        root.Options.Add(version);
        root.SetAction(parse =>
        {
            if (!parse.GetValue(version)) throw new UsageException("no command given; `xgen-eval --help` lists them");
            context.Out.WriteLine(Runs.MachineInfo.HarnessVersion);
            return ExitCodes.Ok;
        });
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(ScoreCommand.Create(context));
        root.Subcommands.Add(JudgeCommand.Create(context));
        root.Subcommands.Add(PredictCommand.Create(context));
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(DataCommand.Create(context));
        root.Subcommands.Add(MetricsCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        return root;
    }

    static int Fail(CliContext context, Exception e, bool verbose, int code, bool unexpected = false)
    {
        string message = Runs.SecretRedactor.RedactText(e.Message.ReplaceLineEndings(" "));
        context.Error.WriteLine(unexpected
            ? $"xgen-eval: error: {e.GetType().Name}: {message}" + (verbose ? "" : " (--verbose shows where)")
            : $"xgen-eval: error: {message}");
        if (verbose) context.Error.WriteLine(e.ToString());
        return code;
    }
}
