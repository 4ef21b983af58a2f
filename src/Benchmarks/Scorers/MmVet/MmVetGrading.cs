using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Datasets.VlmEvalKit;
using XGenEval.Benchmarks.Scorers.Text;

namespace XGenEval.Benchmarks.Scorers.MmVet;

/// <summary>Whose grading rules: the official evaluator or VLMEvalKit's.</summary>
public enum MmVetRules
{
    /// <summary>yuweihao/MM-Vet@acde843 <c>mm-vet_evaluator.py</c> (GPT-4-0613, <c>max_tokens=3</c>).</summary>
    Official,

    /// <summary>open-compass/VLMEvalKit@e8e78f05 <c>MMVet_auxeval</c> / <c>MMVet_acc</c>.</summary>
    VlmEvalKit,
}

/// <summary>
/// How MM-Vet asks its grader and reads the grade.
/// Official: the prompt at temperature 0; an unreadable grade (the first space-separated word of the reply, stripped,
/// must be a float in [0, 1]) is asked again with "Predict the correctness of the answer (digit): " appended at
/// temperature 0, 0.5, 1.0, 1.5; the evaluator makes one more call at 2.0 whose reply it never reads and scores 0.0,
/// so that call is not made here. VLMEvalKit: the prompt 5 times at temperature 0.5 x i, <c>float()</c> of the whole
/// reply in [0, 1]; after 5 failures 0.0.
/// </summary>
public static class MmVetGrading
{
    public const string Purpose = "mmvet-grade";

    /// <summary>The official evaluator's <c>max_tokens</c>, and VLMEvalKit's <c>build_judge(max_tokens=2048)</c>.</summary>
    public const int OfficialMaxTokens = 3, VlmEvalKitMaxTokens = 2048;

    public static JudgeQuery Query(string index, string question, string answer, string prediction, MmVetRules rules)
    {
        if (rules == MmVetRules.Official)
        {
            string first = MmVetJudgePrompts.OfficialPrompt(question, answer, prediction);
            string again = MmVetJudgePrompts.OfficialPrompt(question, answer, prediction, retry: true);
            var attempts = new List<JudgeAttempt> { new(first, 0, OfficialMaxTokens) };
            attempts.AddRange(new[] { 0.0, 0.5, 1.0, 1.5 }.Select(t => new JudgeAttempt(again, t, OfficialMaxTokens)));
            return new JudgeQuery { Purpose = Purpose, Item = index, Attempts = attempts, Parse = ParseOfficial, Scale = JudgeScale.Grade };
        }
        string prompt = MmVetJudgePrompts.VlmEvalKit(question, answer, prediction);
        return new JudgeQuery
        {
            Purpose = Purpose,
            Item = index,
            Attempts = [.. Enumerable.Range(0, 5).Select(i => new JudgeAttempt(prompt, 0.5 * i, VlmEvalKitMaxTokens))],
            // OpenAIWrapper strips the reply before float_cvt sees it
            Parse = reply => InRange(PythonText.Strip(reply)),
            Scale = JudgeScale.Grade,
        };
    }

    /// <summary>Official: <c>float(content.split(" ")[0].strip())</c> within [0, 1].</summary>
    public static string? ParseOfficial(string reply) => InRange(PythonText.Strip(reply.Split(' ')[0]));

    static string? InRange(string text) =>
        PythonFloat.TryParse(text, out double grade) && grade is >= 0 and <= 1 ? PythonFloatRepr.Repr(grade) : null;
}
