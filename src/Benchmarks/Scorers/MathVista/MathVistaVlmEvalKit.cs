using System.Numerics;
using XGenEval.Benchmarks.Scorers.Choices;
using XGenEval.Benchmarks.Scorers.Text;

namespace XGenEval.Benchmarks.Scorers.MathVista;

/// <summary>
/// VLMEvalKit's MathVista scoring (open-compass/VLMEvalKit@e8e78f05, <c>vlmeval/dataset/utils/mathvista.py</c>
/// <c>post_check</c>), including its quirks: a multiple-choice prediction is read with <c>can_infer</c> against the
/// choices as options A, B, ...; an integer or float answer must be exactly <c>int()</c> / <c>float()</c> of the text
/// ("14.0" is not 14; 1.449 is not 1.45); a free-form list or text answer compares <c>str(None)</c> with the answer,
/// so it is never right.
/// </summary>
public static class MathVistaVlmEvalKit
{
    /// <summary>
    /// <c>post_check(line, prefetch=True)</c>: the value read from the prediction without the judge, or null. For a
    /// multiple-choice problem that is <c>can_infer</c>'s letter (right or wrong, 'Z' included); otherwise the
    /// prediction when it equals the answer. A value Python finds falsy (an answer of 0) is null: VLMEvalKit's
    /// <c>if post_check(...)</c> then asks the judge.
    /// </summary>
    public static string? Prefetch(string prediction, MathVistaProblem problem)
    {
        if (problem.IsMultiChoice) return CanInfer(prediction, problem);
        return Compare(prediction, problem) is { Equal: true, Truthy: true } ? prediction : null;
    }

    /// <summary><c>post_check(line, prefetch=False)</c> on <c>res</c> (the prefetched value or the judge's reply).</summary>
    public static bool IsCorrect(string res, MathVistaProblem problem) =>
        problem.IsMultiChoice ? CanInfer(res, problem) is { } letter && letter == problem.GoldLetter : Compare(res, problem).Equal;

    static string? CanInfer(string text, MathVistaProblem problem) =>
        ChoiceMatcher.CanInfer(text, problem.Letters.Zip(problem.Choices ?? [], (l, c) => new ChoiceOption(l, c)).ToList(), MatcherEra.Current);

    /// <summary>The free-form branch of <c>post_check</c>: whether <c>res == ans</c>, and whether <c>res</c> is truthy.</summary>
    static (bool Equal, bool Truthy) Compare(string response, MathVistaProblem problem)
    {
        switch (problem.AnswerType)
        {
            case "integer":
                // res = int(response) first; ans = int(answer) only if that worked (else ans stays the string).
                if (!PythonInt.TryParse(response, out BigInteger res)) return (false, false);
                return PythonInt.TryParse(problem.Answer, out BigInteger ans) && res == ans ? (true, !res.IsZero) : (false, !res.IsZero);
            case "float":
                if (!PythonFloat.TryParse(response, out double r)) return (false, false);
                return PythonFloat.TryParse(problem.Answer, out double a) && r == a ? (true, r != 0) : (false, r != 0);
            default:
                // res = str(None): "None" equals the answer only if the answer is the text "None".
                return ("None" == problem.Answer, true);
        }
    }
}
