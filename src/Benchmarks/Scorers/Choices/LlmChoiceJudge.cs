using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Scorers.YesNo;

namespace XGenEval.Benchmarks.Scorers.Choices;

/// <summary>
/// VLMEvalKit's judge fallback for multiple-choice and yes/no answers on top of an <see cref="ILlmJudge"/>
/// (open-compass/VLMEvalKit@e8e78f05):
/// <list type="bullet">
/// <item>multiple choice, <c>extract_answer_from_item</c>: the <c>build_prompt</c> (or <c>build_prompt_cn</c>) prompt
/// up to 3 times at the wrapper's temperature 0, each reply read with <c>can_infer</c> (a letter, or 'Z');</item>
/// <item>yes/no, <c>YOrN_auxeval</c>: <c>YOrN_match_prompt</c> up to 5 times at temperature 0.5 x i, each reply read
/// with <c>YOrN_Extraction</c> until it is Yes or No.</item>
/// </list>
/// Where VLMEvalKit, after three unreadable replies, picks an unseeded random letter among the options and 'Z', this
/// returns null: the scorer counts the answer as unmatched ('Z', wrong) and the report counts the judge's failure.
/// A random letter would make the score change from one scoring to the next (and hide how often the judge failed);
/// failed API calls are not cached, so the next `xgen-eval judge` asks again. Replies are read with the current
/// <c>can_infer</c> rules whatever era scores the predictions (the judge answers with a bare letter either way).
/// </summary>
public sealed class LlmChoiceJudge(ILlmJudge judge) : IChoiceJudge
{
    /// <summary>VLMEvalKit's tries: <c>retry = 3</c> in <c>extract_answer_from_item</c>, 5 in <c>YOrN_auxeval</c>.</summary>
    public const int ChoiceTries = 3, YesNoTries = 5;

    /// <summary>VLMEvalKit's <c>OpenAIWrapper</c> default <c>max_tokens</c>, which its MCQ and yes/no judges keep.</summary>
    public const int MaxTokens = 2048;

    public const string ChoicePurpose = "choice", YesNoPurpose = "yes-no";

    public string Name => judge.Name;

    public string? MatchOption(JudgeChoiceQuestion question, string prediction)
    {
        string prompt = VlmEvalKitJudgePrompts.Choice(question, prediction);
        var options = question.Options.Select(o => new ChoiceOption(o.Letter, o.Text)).ToList();
        var verdict = judge.Ask(new JudgeQuery
        {
            Purpose = ChoicePurpose,
            Item = question.Index,
            Attempts = Enumerable.Repeat(new JudgeAttempt(prompt, 0, MaxTokens), ChoiceTries).ToList(),
            Parse = reply => ChoiceMatcher.CanInfer(reply, options, MatcherEra.Current),
        });
        return verdict.IsAnswered ? verdict.Value : null;
    }

    public string? MatchYesNo(string index, string question, string prediction)
    {
        string prompt = VlmEvalKitJudgePrompts.YesNo(question, prediction);
        var verdict = judge.Ask(new JudgeQuery
        {
            Purpose = YesNoPurpose,
            Item = index,
            Attempts = Enumerable.Range(0, YesNoTries).Select(i => new JudgeAttempt(prompt, 0.5 * i, MaxTokens)).ToList(),
            Parse = reply => YesNoExtraction.Extract(reply) is var answer && answer != YesNoExtraction.Unknown ? answer : null,
        });
        return verdict.IsAnswered ? verdict.Value : null;
    }
}
