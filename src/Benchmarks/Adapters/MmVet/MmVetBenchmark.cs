using XGenEval.Benchmarks.Abstractions;
using XGenEval.Benchmarks.Adapters.VlmEvalKit;
using XGenEval.Benchmarks.Scorers.Choices;
using XGenEval.Benchmarks.Scorers.MmVet;

namespace XGenEval.Benchmarks.Adapters.MmVet;

/// <summary>
/// MM-Vet from VLMEvalKit's <c>MMVet.tsv</c>: open answers graded 0..1 by an LLM against the ground truth, reported x100
/// in total, per capability and per capability integration. <c>parser=official</c> (default: yuweihao/MM-Vet's prompt,
/// reply reading and aggregation) or <c>parser=vlmevalkit</c>. Without a judge nothing can be graded: the report says so
/// and the scores are empty until `xgen-eval judge` grades the run.
/// </summary>
public sealed class MmVetBenchmark(BenchmarkInfo info) : OpenQuestionBenchmark(info)
{
    protected override IReadOnlyList<string> RequiredColumns => ["question", "answer", "category"];

    public override ScoreReport Score(IReadOnlyList<Prediction> predictions, ScoringOptions options)
    {
        var rules = Official(options) ? MmVetRules.Official : MmVetRules.VlmEvalKit;
        string reference = rules == MmVetRules.Official
            ? "official MM-Vet mm-vet_evaluator.py (yuweihao/MM-Vet@acde843)"
            : $"VLMEvalKit MMVet_auxeval + MMVet_acc (open-compass/VLMEvalKit@{VlmEvalKitCommit})";
        var judge = options.LlmJudge;
        if (judge is null) return Ungraded(predictions, reference);

        var grades = new List<MmVetGrade>();
        var items = new List<ItemScore>();
        long unusable = 0, failed = 0;
        foreach (var p in predictions)
        {
            var sample = VlmSample.Of(p.Sample);
            var row = sample.Row;
            // The official evaluator reads predictions from its JSON as they are; VLMEvalKit from its file via pandas.
            string prediction = rules == MmVetRules.Official ? p.Text : ChoiceExtractor.AsVlmEvalKitReadsIt(p.Text);
            var verdict = judge.Ask(MmVetGrading.Query(sample.Index, row.Str("question"), AnswerOf(sample), prediction, rules));
            // Both references score 0.0 when no reply could be read; a failed API call is scored the same way here
            // (and counted, and not cached, so that `xgen-eval judge` asks again).
            double grade = verdict.IsAnswered ? double.Parse(verdict.Value!, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (verdict.Outcome == JudgeOutcome.Unusable) unusable++;
            else if (!verdict.IsAnswered) failed++;
            grades.Add(new MmVetGrade(sample.Index, row.Str("category"), grade));
            items.Add(new ItemScore(sample.Index, grade, verdict.IsAnswered ? verdict.Value : null));
        }

        var scores = MmVetAggregation.Aggregate(grades, rules);
        var metrics = new Dictionary<string, double> { ["total"] = scores.Total };
        foreach (var (capability, _, score) in scores.Capabilities) metrics[capability] = score;
        var notes = new List<string>();
        if (unusable > 0) notes.Add($"{unusable} grade(s) could not be read from the judge's replies and count as 0.0, as the reference does");
        if (failed > 0) notes.Add($"{failed} item(s) could not be graded (the judge failed) and count as 0.0");
        return new ScoreReport
        {
            Benchmark = Info.Name,
            Split = SplitOf(predictions),
            PrimaryMetric = "total",
            Metrics = metrics,
            Aggregation = Aggregation.Mean,
            Reference = $"{reference}, judge: {judge.Name}",
            Tables = MmVetAggregation.Tables(scores),
            Items = items,
            Counts = new Dictionary<string, long> { ["items"] = grades.Count, ["ungradable"] = unusable, ["grading_failed"] = failed },
            Notes = notes,
        };
    }

    ScoreReport Ungraded(IReadOnlyList<Prediction> predictions, string reference) => new()
    {
        Benchmark = Info.Name,
        Split = SplitOf(predictions),
        PrimaryMetric = "total",
        Metrics = new Dictionary<string, double> { ["total"] = double.NaN },
        Aggregation = Aggregation.Mean,
        Reference = $"{reference}, no judge",
        Items = [.. predictions.Select(p => new ItemScore(p.Sample.Index, double.NaN, null))],
        Counts = new Dictionary<string, long> { ["items"] = predictions.Count, ["ungraded"] = predictions.Count },
        Notes = ["MM-Vet is graded by an LLM: without a judge no item is scored. Grade the predictions with " +
                 "`xgen-eval judge <run-dir> --judge MODEL` (or `score ... --judge MODEL`)"],
    };
}
