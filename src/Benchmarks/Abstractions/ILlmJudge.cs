namespace XGenEval.Benchmarks.Abstractions;

/// <summary>One request to the judge model: the prompt and the sampling it is sent with.</summary>
/// <param name="Prompt">The whole user message (the judges here are single-turn, as VLMEvalKit's and the official
/// MathVista and MM-Vet scripts use them).</param>
/// <param name="Temperature">The sampling temperature (VLMEvalKit raises it on later tries: 0.5 x i).</param>
/// <param name="MaxTokens">The reply's token limit as the reference sets it (MM-Vet official: 3).</param>
public sealed record JudgeAttempt(string Prompt, double Temperature, int MaxTokens);

/// <summary>What kind of value a judge returns, for the agreement statistics of repeated judging.</summary>
public enum JudgeScale
{
    /// <summary>A label: an option letter, Yes/No, an extracted answer.</summary>
    Categorical,

    /// <summary>A number in [0, 1] (MM-Vet's correctness score).</summary>
    Grade,
}

/// <summary>
/// One question to an LLM judge about one item: its attempts in order and how to read a reply. The judge sends
/// attempt 1; when <see cref="Parse"/> finds the reply unusable (null) it sends attempt 2, and so on, as the
/// reference scripts re-ask (VLMEvalKit: three tries for a choice, five for yes/no, MathVista and MM-Vet). A reply
/// the API failed to give is not an unusable reply: the judge's retry policy repeats that same attempt.
/// </summary>
public sealed record JudgeQuery
{
    /// <summary>What the judge is asked to do, e.g. "choice", "yes-no", "mathvista-extract", "mmvet-grade"
    /// (part of the cache key and of the report).</summary>
    public required string Purpose { get; init; }

    /// <summary>The item's index (part of the cache key; with the benchmark it names the item).</summary>
    public required string Item { get; init; }

    public required IReadOnlyList<JudgeAttempt> Attempts { get; init; }

    /// <summary>The value a reply means, or null when the reply is unusable and the next attempt is due.</summary>
    public required Func<string, string?> Parse { get; init; }

    public JudgeScale Scale { get; init; } = JudgeScale.Categorical;
}

/// <summary>How a judge query ended.</summary>
public enum JudgeOutcome
{
    /// <summary>A reply was read (<see cref="JudgeVerdict.Value"/>).</summary>
    Answered,

    /// <summary>Every attempt was answered, and no reply could be read.</summary>
    Unusable,

    /// <summary>The API gave no reply after the retry policy's tries (errors, timeouts, refused credentials).</summary>
    Failed,

    /// <summary>Not asked yet: the scorer sees "no answer" for now and is asked again once the judge has replied.</summary>
    Pending,
}

/// <summary>The end of a judge query: its outcome, the value read, the last reply and how many attempts it took.</summary>
public sealed record JudgeVerdict(JudgeOutcome Outcome, string? Value = null, string? Reply = null, int Attempts = 0)
{
    public static readonly JudgeVerdict Pending = new(JudgeOutcome.Pending);

    public bool IsAnswered => Outcome == JudgeOutcome.Answered;
}

/// <summary>
/// An LLM judge as scorers see it: synchronous and cheap to call. The implementation (Judge/) collects the queries a
/// scoring pass makes, answers them with bounded concurrency, a persistent cache and retries, and lets the scorer run
/// again with the answers; a scorer must therefore give the same queries for the same predictions and take any
/// verdict, <see cref="JudgeOutcome.Pending"/> included, as final for that pass.
/// </summary>
public interface ILlmJudge
{
    /// <summary>Names the judge in reports: model and version.</summary>
    string Name { get; }

    JudgeVerdict Ask(JudgeQuery query);
}
