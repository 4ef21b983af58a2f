using System.Text.RegularExpressions;
using XGenEval.Benchmarks.Datasets.VlmEvalKit;
using XGenEval.Benchmarks.Scorers.Text;

namespace XGenEval.Benchmarks.Scorers.MathVista;

/// <summary>
/// MathVista's official scoring (lupantech/MathVista@53d5258): the rules of <c>extract_answer.py</c>
/// (<c>extract_answer</c>) that read an answer without the LLM, then <c>calculate_score.py</c>'s
/// <c>normalize_extracted_answer</c> and <c>safe_equal</c>.
/// </summary>
public static partial class MathVistaOfficial
{
    /// <summary>
    /// <c>extract_answer</c> before the LLM: an empty response is "" (then normalised like any extraction); a
    /// multiple-choice response equal to one of the choices is that choice; an integer problem's response that
    /// <c>int()</c> reads, a float problem's that <c>float()</c> reads, as <c>str()</c> of the number; with
    /// <paramref name="quickExtract"/> (the script's <c>--quick_extract</c>, off by default) the text of
    /// <c>The answer is "..."</c>. Null: the LLM is needed.
    /// </summary>
    public static string? ExtractWithoutJudge(string response, MathVistaProblem problem, bool quickExtract = false)
    {
        if (response.Length == 0) return "";
        if (problem.IsMultiChoice && problem.Choices is { } choices && choices.Contains(response)) return response;
        if (problem.AnswerType == "integer" && PythonInt.TryParse(response, out var integer)) return integer.ToString();
        if (problem.AnswerType == "float" && PythonFloat.TryParse(response, out double number)) return PythonFloatRepr.Repr(number);
        if (quickExtract && QuickAnswer().Match(response) is { Success: true } m) return m.Groups[1].Value;
        return null;
    }

    [GeneratedRegex("The answer is \"(.*)\"\\.", RegexOptions.CultureInvariant)]
    private static partial Regex QuickAnswer();

    [GeneratedRegex(@"\(([a-zA-Z])\)", RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesisedLetter();

    /// <summary>
    /// <c>normalize_extracted_answer</c>: multiple choice: the stripped extraction, its first "(X)" letter if any, then
    /// a letter among the choices' (A, B, ...) is that choice, anything else the choice nearest by Levenshtein distance
    /// (the first of equals; so "" picks the shortest choice unless <paramref name="ignoreEmpty"/>); integer:
    /// <c>str(int(float(x)))</c>; float: <c>str(round(float(x), int(precision)))</c>; list: the text. Null where
    /// Python raises (not a number, no precision) or for an empty extraction with <paramref name="ignoreEmpty"/>.
    /// </summary>
    public static string? Normalize(string extraction, MathVistaProblem problem, bool ignoreEmpty = false)
    {
        if (problem.IsMultiChoice)
        {
            var choices = problem.Choices ?? [];
            string text = PythonText.Strip(extraction);
            if (ignoreEmpty && text.Length == 0) return null;
            if (ParenthesisedLetter().Match(text) is { Success: true } m) text = m.Groups[1].Value.ToUpperInvariant();
            int letter = problem.Letters.ToList().IndexOf(text);
            if (letter >= 0) return choices[letter];
            return MostSimilar(text, choices);
        }
        switch (problem.AnswerType)
        {
            case "integer":
                return PythonFloat.TryParse(extraction, out double x) && PythonInt.Truncate(x) is { } i ? i.ToString() : null;
            case "float":
                if (problem.Precision is not double p || !double.IsFinite(p) || !PythonFloat.TryParse(extraction, out double y)) return null;
                return PythonFloatRepr.Repr(PythonRound.Round(y, (int)Math.Truncate(p)));
            case "list":
                return extraction;
            default:
                // The official script has no branch for a free-form text answer (it would fail); none exists in testmini.
                return null;
        }
    }

    /// <summary><c>get_most_similar</c>: the first choice at the smallest edit distance.</summary>
    public static string MostSimilar(string prediction, IReadOnlyList<string> choices)
    {
        if (choices.Count == 0) throw new ArgumentException("a multiple-choice problem without choices", nameof(choices));
        int best = 0, bestDistance = int.MaxValue;
        for (int k = 0; k < choices.Count; k++)
        {
            int d = Levenshtein.Distance(prediction, choices[k]);
            if (d < bestDistance) (best, bestDistance) = (k, d);
        }
        return choices[best];
    }

    /// <summary><c>safe_equal(prediction, answer)</c> on the normalised extraction (the answers are strings).</summary>
    public static bool IsCorrect(string? normalized, MathVistaProblem problem) => normalized is not null && normalized == problem.Answer;
}
