namespace XGenEval.Benchmarks.Scorers.MathVista;

/// <summary>
/// A MathVista problem as the scorers need it (the fields of the official <c>testmini</c> problems, which VLMEvalKit's
/// <c>MathVista_MINI.tsv</c> keeps as columns).
/// </summary>
/// <param name="Query">The full question the model saw (hint, question, choices): the official <c>query</c>, the TSV's
/// <c>question</c> cell.</param>
/// <param name="Choices">The options of a <c>multi_choice</c> problem in order (null for free-form problems).</param>
/// <param name="QuestionType"><c>multi_choice</c> or <c>free_form</c>.</param>
/// <param name="AnswerType"><c>text</c>, <c>integer</c>, <c>float</c> or <c>list</c>.</param>
/// <param name="Precision">Decimal places of a <c>float</c> answer (null when the problem has none).</param>
/// <param name="Answer">The gold answer as a string (a choice's text for <c>multi_choice</c>).</param>
/// <param name="AnswerOption">The gold option letter of a <c>multi_choice</c> problem (VLMEvalKit's <c>answer_option</c>).</param>
public sealed record MathVistaProblem(
    string Index,
    string Query,
    IReadOnlyList<string>? Choices,
    string QuestionType,
    string AnswerType,
    double? Precision,
    string Answer,
    string? AnswerOption = null)
{
    public const string MultiChoice = "multi_choice";

    public bool IsMultiChoice => QuestionType == MultiChoice;

    /// <summary>The option letters A, B, ... of the choices (<c>sequential_characters</c> / <c>list_to_dict</c>).</summary>
    public IReadOnlyList<string> Letters => [.. Enumerable.Range(0, Choices?.Count ?? 0).Select(i => ((char)('A' + i)).ToString())];

    /// <summary>The gold letter: <see cref="AnswerOption"/>, else the letter of the choice equal to the answer.</summary>
    public string? GoldLetter => AnswerOption ?? (Choices?.ToList().IndexOf(Answer) is int i and >= 0 ? Letters[i] : null);
}
