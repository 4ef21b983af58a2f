using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Adapters.VlmEvalKit;
using XGenEval.Benchmarks.Datasets.VlmEvalKit;
using XGenEval.Benchmarks.Scorers.Choices;
using XGenEval.Benchmarks.Scorers.MathVista;
using XGenEval.Benchmarks.Scorers.Text;
using XGenEval.Core.Errors;

namespace XGenEval.Benchmarks.Adapters.MathVista;

/// <summary>
/// MathVista testmini from VLMEvalKit's <c>MathVista_MINI.tsv</c>. Scoring options: <c>parser=official</c> (default:
/// lupantech/MathVista's <c>extract_answer</c> rules, the LLM extraction for the rest, then <c>calculate_score</c>'s
/// normalisation and comparison; <c>quick_extract=true</c> and <c>ignore_empty=true</c> are its two switches) or
/// <c>parser=vlmevalkit</c> (VLMEvalKit's <c>post_check</c> prefetch, its extraction prompt, <c>post_check</c>).
/// Without a judge the answers the rules cannot read count as wrong (the official pipeline cannot run without one).
/// </summary>
public sealed class MathVistaBenchmark(BenchmarkInfo info) : OpenQuestionBenchmark(info)
{
    public const string QuickExtractOption = "quick_extract", IgnoreEmptyOption = "ignore_empty";
    public const string Purpose = "mathvista-extract";

    /// <summary>The official <c>GPT_Model</c>'s <c>max_tokens</c> and VLMEvalKit's <c>build_judge(max_tokens=128)</c>.</summary>
    public const int OfficialMaxTokens = 1024, VlmEvalKitMaxTokens = 128;

    /// <summary>Tries for an empty reply (the official client retries those, up to its "patience" of 10^6) and
    /// VLMEvalKit's <c>retry = 5</c> (temperature 0.5 x i).</summary>
    public const int Tries = 5;

    protected override IReadOnlyList<string> RequiredColumns => ["question", "answer", "question_type", "answer_type"];

    /// <summary>The problem in a row.</summary>
    public static MathVistaProblem Problem(VlmSample sample)
    {
        var row = sample.Row;
        IReadOnlyList<string>? choices = null;
        if (row["choices"] is { } cell)
        {
            // VLMEvalKit would read "['1', '2'" as the single choice "['1', '2'": a cell that opens a list must close it.
            if (cell.StartsWith('[') && !PythonListLiteral.IsList(cell))
                throw DataException.At(row.File, row.Row, "choices", "opens a Python list ('[') but does not close it (']')");
            choices = PythonListLiteral.ToListStr(cell, out string? problem);
            if (problem is not null) throw DataException.At(row.File, row.Row, "choices", $"not a Python list literal: {problem}");
        }
        double? precision = row["precision"] is { } p && PythonFloat.TryParse(p, out double v) && !double.IsNaN(v) ? v : null;
        return new MathVistaProblem(sample.Index, row.Str("question"), choices, row.Str("question_type"), row.Str("answer_type"),
            precision, AnswerOf(sample), row["answer_option"]);
    }

    public override ScoreReport Score(IReadOnlyList<Prediction> predictions, ScoringOptions options)
    {
        bool official = Official(options, QuickExtractOption, IgnoreEmptyOption);
        bool quick = Flag(options, QuickExtractOption), ignoreEmpty = Flag(options, IgnoreEmptyOption);
        if (!official && (options.Values.ContainsKey(QuickExtractOption) || options.Values.ContainsKey(IgnoreEmptyOption)))
            throw new UsageException($"{QuickExtractOption} and {IgnoreEmptyOption} are switches of the official parser");

        var judge = options.LlmJudge;
        var hits = new List<MathVistaHit>();
        var items = new List<ItemScore>();
        long byRules = 0, judged = 0, unextracted = 0;
        foreach (var p in predictions)
        {
            var sample = VlmSample.Of(p.Sample);
            var problem = Problem(sample);
            string? parsed;
            bool correct, prefetched = false;
            if (official)
            {
                string? extraction = MathVistaOfficial.ExtractWithoutJudge(p.Text, problem, quick);
                if (extraction is not null) byRules++;
                else if (judge?.Ask(OfficialQuery(problem, p.Text)) is { IsAnswered: true } verdict) { extraction = verdict.Value; judged++; }
                else unextracted++;
                parsed = extraction is null ? null : MathVistaOfficial.Normalize(extraction, problem, ignoreEmpty);
                correct = MathVistaOfficial.IsCorrect(parsed, problem);
            }
            else
            {
                string prediction = ChoiceExtractor.AsVlmEvalKitReadsIt(p.Text);
                parsed = MathVistaVlmEvalKit.Prefetch(prediction, problem);
                if (parsed is not null) { prefetched = true; byRules++; }
                else if (judge is null) unextracted++;
                else
                {
                    // VLMEvalKit keeps '' as the result after five failed tries; it is then simply wrong.
                    var verdict = judge.Ask(VlmEvalKitQuery(problem, prediction));
                    parsed = verdict.IsAnswered ? verdict.Value : "";
                    if (verdict.IsAnswered) judged++; else unextracted++;
                }
                correct = parsed is not null && MathVistaVlmEvalKit.IsCorrect(parsed, problem);
            }
            hits.Add(new MathVistaHit(correct, Keys(sample.Row), prefetched));
            items.Add(new ItemScore(sample.Index, correct ? 1 : 0, parsed));
        }

        double accuracy = hits.Count == 0 ? double.NaN : (double)hits.Count(h => h.Correct) / hits.Count * 100;
        var notes = new List<string>();
        if (unextracted > 0)
            notes.Add(judge is null
                ? $"{unextracted} answer(s) could not be read without a judge and count as wrong (`--judge MODEL` extracts them as the reference does)"
                : $"{unextracted} answer(s) could not be read: the judge failed on them (see the judge counts); they count as wrong");
        return new ScoreReport
        {
            Benchmark = Info.Name,
            Split = SplitOf(predictions),
            PrimaryMetric = "accuracy",
            Metrics = new Dictionary<string, double> { ["accuracy"] = accuracy },
            Aggregation = Aggregation.Proportion,
            Reference = (official
                ? "official MathVista extract_answer + calculate_score (lupantech/MathVista@53d5258)"
                : $"VLMEvalKit MathVista_auxeval + MathVista_acc (open-compass/VLMEvalKit@{VlmEvalKitCommit})") +
                (judge is null ? ", no judge (rules only)" : $", judge: {judge.Name}"),
            Tables = official ? MathVistaBreakdown.Official(hits) : [MathVistaBreakdown.VlmEvalKit(hits)],
            Items = items,
            Counts = new Dictionary<string, long> { ["items"] = hits.Count, ["read_by_rules"] = byRules, ["extracted_by_judge"] = judged, ["unextracted"] = unextracted },
            Notes = notes,
        };
    }

    static bool Flag(ScoringOptions options, string key) => options.Get(key, "false") switch
    {
        "true" => true,
        "false" => false,
        var other => throw new UsageException($"scoring option {key}={other}: use true or false"),
    };

    static JudgeQuery OfficialQuery(MathVistaProblem problem, string response)
    {
        string prompt = MathVistaJudgePrompts.Official(problem.Query, response);
        return new JudgeQuery
        {
            Purpose = Purpose,
            Item = problem.Index,
            Attempts = [.. Enumerable.Repeat(new JudgeAttempt(prompt, 0, OfficialMaxTokens), Tries)],
            Parse = NonEmpty,
        };
    }

    static JudgeQuery VlmEvalKitQuery(MathVistaProblem problem, string prediction)
    {
        string prompt = MathVistaJudgePrompts.VlmEvalKit(problem.Query, prediction);
        return new JudgeQuery
        {
            Purpose = Purpose,
            Item = problem.Index,
            Attempts = [.. Enumerable.Range(0, Tries).Select(i => new JudgeAttempt(prompt, 0.5 * i, VlmEvalKitMaxTokens))],
            Parse = NonEmpty,
        };
    }

    /// <summary>Both clients strip the reply and treat an empty one as no answer.</summary>
    static string? NonEmpty(string reply) => PythonText.Strip(reply) is { Length: > 0 } text ? text : null;

    /// <summary>The breakdown keys a row has; skills is a list literal (VLMEvalKit: else the cell itself).</summary>
    static Dictionary<string, IReadOnlyList<string>> Keys(VlmTsvRow row)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (string key in MathVistaBreakdown.OfficialKeys)
        {
            if (row[key] is not { } cell) continue;
            keys[key] = key == "skills" && PythonListLiteral.IsList(cell) ? PythonListLiteral.ToListStr(cell, out _) : [cell];
        }
        return keys;
    }
}
