using XGenEval.Core.Models;

namespace XGenEval.Cli.Cli;

/// <summary>What commands need from the outside world; tests pass their own writers.</summary>
public sealed record CliContext
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }

    /// <summary>Standard error is a terminal: progress bars instead of periodic lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    public required IModelLoader Models { get; init; }

    /// <summary>The command line as given (recorded, redacted, in run manifests).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public CancellationToken Cancellation { get; init; }

    /// <summary>Reads an environment variable (the judge's endpoint and keys); tests give their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
