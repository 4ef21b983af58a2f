using System.Text;

namespace XGenEval.Benchmarks.Scorers.MmVet;

/// <summary>
/// MM-Vet's grading prompts, byte for byte: the official few-shot table (yuweihao/MM-Vet@acde843,
/// <c>mm-vet_evaluator.py</c>) and VLMEvalKit's copy with line breaks inside the examples (open-compass/VLMEvalKit@e8e78f05,
/// <c>vlmeval/dataset/utils/mmvet.py</c> <c>build_mmvet_gpt4_prompt</c>). Both end with the item's row:
/// <c>question | answer (with " &lt;AND&gt; " and " &lt;OR&gt; " padded) | prediction | </c>.
/// </summary>
public static class MmVetJudgePrompts
{
    const string Meme = "Can you explain this meme?";

    const string OfficialInstructions =
        "Compare the ground truth and prediction from AI models, to give a correctness score for the prediction. " +
        "<AND> in the ground truth means it is totally right only when all elements in the ground truth are present in the prediction, " +
        "and <OR> means it is totally right when any one element in the ground truth is present in the prediction. " +
        "The correctness score is 0.0 (totally wrong), 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, or 1.0 (totally right). " +
        "Just complete the last space of the correctness score.\n";

    const string VlmEvalKitInstructions =
        "\nCompare the ground truth and prediction from AI models, to give a correctness score for the prediction.\n" +
        "<AND> in the ground truth means it is totally right\n" +
        "only when all elements in the ground truth are present in the prediction,\n" +
        "and <OR> means it is totally right when any one element in the ground truth is present in the prediction.\n" +
        "The correctness score is 0.0 (totally wrong), 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, or 1.0 (totally right).\n" +
        "Just complete the last space of the correctness score.\n";

    const string EquationRows =
        "\nQuestion | Ground truth | Prediction | Correctness\n" +
        "--- | --- | --- | ---\n" +
        "What is x in the equation? | -1 <AND> -5 | x = 3 | 0.0\n" +
        "What is x in the equation? | -1 <AND> -5 | x = -1 | 0.5\n" +
        "What is x in the equation? | -1 <AND> -5 | x = -5 | 0.5\n" +
        "What is x in the equation? | -1 <AND> -5 | x = -5 or 5 | 0.5\n" +
        "What is x in the equation? | -1 <AND> -5 | x = -1 or x = -5 | 1.0\n";

    // The two meme rows; breaks[0] goes where VLMEvalKit breaks the lines and the official text has a space.
    static string MemeRows(string[] breaks) =>
        Meme + " | This meme is poking fun at the fact that the names of the countries" + breaks[0] +
        "Iceland and Greenland are misleading. Despite its name, Iceland is known for its beautiful green landscapes," + breaks[0] +
        "while Greenland is mostly covered in ice and snow. The meme is saying that the person has trust issues" + breaks[0] +
        "because the names of these countries do not accurately represent their landscapes. |" + breaks[0] +
        "The meme talks about Iceland and Greenland. It's pointing out that despite their names," + breaks[0] +
        "Iceland is not very icy and Greenland isn't very green. | 0.4\n" +
        Meme + " | This meme is poking fun at the fact that the names of the countries" + breaks[0] +
        "Iceland and Greenland are misleading. Despite its name, Iceland is known for its beautiful green landscapes," + breaks[0] +
        "while Greenland is mostly covered in ice and snow. The meme is saying that the person has trust issues" + breaks[0] +
        "because the names of these countries do not accurately represent their landscapes. |" + breaks[0] +
        "The meme is using humor to point out the misleading nature of Iceland's and Greenland's names." + breaks[0] +
        "Iceland, despite its name, has lush green landscapes while Greenland is mostly covered in ice and snow." + breaks[0] +
        "The text 'This is why I have trust issues' is a playful way to suggest" + breaks[0] +
        "that these contradictions can lead to distrust or confusion." + breaks[0] +
        "The humor in this meme is derived from the unexpected contrast between the names of the countries" + breaks[0] +
        "and their actual physical characteristics. | 1.0\n";

    static readonly string Official = OfficialInstructions + EquationRows + MemeRows([" "]);
    static readonly string VlmEvalKitText = VlmEvalKitInstructions + EquationRows + MemeRows(["\n"]);

    /// <summary>The re-ask suffix of the official evaluator after an unreadable grade.</summary>
    public const string RetrySuffix = "\nPredict the correctness of the answer (digit): ";

    /// <summary>The official prompt for an item; <paramref name="retry"/> adds <see cref="RetrySuffix"/>.</summary>
    public static string OfficialPrompt(string question, string answer, string prediction, bool retry = false) =>
        Official + "\n" + Row(question, answer, prediction) + (retry ? RetrySuffix : "");

    /// <summary><c>build_mmvet_gpt4_prompt</c>.</summary>
    public static string VlmEvalKit(string question, string answer, string prediction) => VlmEvalKitText + "\n" + Row(question, answer, prediction);

    /// <summary><c>" | ".join([question, answer with &lt;AND&gt;/&lt;OR&gt; padded, prediction, ""])</c>.</summary>
    static string Row(string question, string answer, string prediction) =>
        new StringBuilder(question).Append(" | ").Append(answer.Replace("<AND>", " <AND> ").Replace("<OR>", " <OR> "))
            .Append(" | ").Append(prediction).Append(" | ").ToString();
}
