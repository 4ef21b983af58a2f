using XGenEval.Cli.Cli;
using XGenEval.Core.Models;

namespace XGenEval.Cli.Tests.Cli;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
public static class CliHarness
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => Run(DefaultModels.Loader(), args);

    public static Result Run(IModelLoader models, params string[] args) => Run(models, _ => null, args);

    /// <summary>With <paramref name="environment"/> as the process environment the command sees (the judge's keys
    /// and endpoints), so that tests never depend on the machine's.</summary>
    public static Result Run(IModelLoader models, Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, new CliContext { Out = output, Error = error, Models = models, Environment = environment });
        return new Result(code, output.ToString(), error.ToString());
    }
}
