namespace XGenEval.Benchmarks.Scorers.MathVista;

/// <summary>
/// The answer-extraction prompts for MathVista, byte for byte:
/// <list type="bullet">
/// <item>official (lupantech/MathVista@53d5258, <c>evaluation/extract_answer.py</c> <c>create_test_prompt</c> with
/// <c>evaluation/prompts/ext_ans.py</c>): the stripped demo prompt, a blank line, the problem's query, a blank line,
/// the bare response, a blank line, "Extracted answer: ";</item>
/// <item>VLMEvalKit (open-compass/VLMEvalKit@e8e78f05, <c>vlmeval/dataset/utils/mathvista.py</c>
/// <c>build_mathvista_gpt4_prompt</c>): its task description and five examples (with line breaks inside the hints),
/// the question, "Model respone: " (sic) and the prediction, then "Extracted answer:" with no line break before it.</item>
/// </list>
/// </summary>
public static class MathVistaJudgePrompts
{
    const string OfficialDemo =
        "Please read the following example. Then extract the answer from the model response and type it at the end of the prompt.\n\n" +
        "Hint: Please answer the question requiring an integer answer and provide the final value, e.g., 1, 2, 3, at the end.\n" +
        "Question: Which number is missing?\n\n" +
        "Model response: The number missing in the sequence is 14.\n\n" +
        "Extracted answer: 14\n\n" +
        "Hint: Please answer the question requiring a floating-point number with one decimal place and provide the final value, e.g., 1.2, 1.3, 1.4, at the end.\n" +
        "Question: What is the fraction of females facing the camera?\n\n" +
        "Model response: The fraction of females facing the camera is 0.6, which means that six out of ten females in the group are facing the camera.\n\n" +
        "Extracted answer: 0.6\n\n" +
        "Hint: Please answer the question requiring a floating-point number with two decimal places and provide the final value, e.g., 1.23, 1.34, 1.45, at the end.\n" +
        "Question: How much money does Luca need to buy a sour apple candy and a butterscotch candy? (Unit: $)\n\n" +
        "Model response: Luca needs $1.45 to buy a sour apple candy and a butterscotch candy.\n\n" +
        "Extracted answer: 1.45\n\n" +
        "Hint: Please answer the question requiring a Python list as an answer and provide the final list, e.g., [1, 2, 3], [1.2, 1.3, 1.4], at the end.\n" +
        // "line  graph": two spaces, as in the official demo
        "Question: Between which two years does the line  graph saw its maximum peak?\n\n" +
        "Model response: The line graph saw its maximum peak between 2007 and 2008.\n\n" +
        "Extracted answer: [2007, 2008]\n\n" +
        "Hint: Please answer the question and provide the correct option letter, e.g., A, B, C, D, at the end.\n" +
        "Question: What fraction of the shape is blue?\nChoices:\n(A) 3/11\n(B) 8/11\n(C) 6/11\n(D) 3/5\n\n" +
        "Model response: The correct answer is (B) 8/11.\n\n" +
        "Extracted answer: B";

    /// <summary><c>create_test_prompt(demo_prompt, query, response)</c>.</summary>
    public static string Official(string query, string response) => $"{OfficialDemo}\n\n{query}\n\n{response}\n\nExtracted answer: ";

    const string VlmEvalKitTask =
        "\nPlease read the following example.\nThen extract the answer from the model response and type it at the end of the prompt.\n\n";

    // get_gpt4_ICE(): each example is a triple-quoted string that starts and ends with a line break; "\n" inside
    // them are escapes, so the hint/question lines are followed by a blank line.
    static readonly string[] VlmEvalKitExamples =
    [
        "\nHint: Please answer the question requiring an integer answer and provide the final value,\ne.g., 1, 2, 3, at the end.\n\n" +
        "Question: Which number is missing?\n\n" +
        "Model response: The number missing in the sequence is 14.\n\n" +
        "Extracted answer: 14\n",

        "\nHint: Please answer the question requiring a floating-point number with one decimal place and provide the final value,\ne.g., 1.2, 1.3, 1.4, at the end.\n\n" +
        "Question: What is the fraction of females facing the camera?\n\n" +
        "Model response: The fraction of females facing the camera is 0.6,\nwhich means that six out of ten females in the group are facing the camera.\n\n" +
        "Extracted answer: 0.6\n",

        "\nHint: Please answer the question requiring a floating-point number with two decimal places and provide the final value,\ne.g., 1.23, 1.34, 1.45, at the end.\n\n" +
        "Question: How much money does Luca need to buy a sour apple candy and a butter-scotch candy? (Unit: $)\n\n" +
        "Model response: Luca needs $1.45 to buy a sour apple candy and a butterscotch candy.\n\n" +
        "Extracted answer: 1.45\n",

        "\nHint: Please answer the question requiring a Python list as an answer and provide the final list,\ne.g., [1, 2, 3], [1.2, 1.3, 1.4], at the end.\n\n" +
        "Question: Between which two years does the line graph saw its maximum peak?\n\n" +
        "Model response: The line graph saw its maximum peak between 2007 and 2008.\n\n" +
        "Extracted answer: [2007, 2008]\n",

        "\nHint: Please answer the question and provide the correct option letter, e.g., A, B, C, D, at the end.\n\n" +
        "Question: What fraction of the shape is blue?\n\n" +
        "Choices: (A) 3/11 (B) 8/11 (C) 6/11 (D) 3/5\n\n" +
        "Model response: The correct answer is (B) 8/11.\n\n" +
        "Extracted answer: B\n",
    ];

    /// <summary><c>build_mathvista_gpt4_prompt(line)</c>: <paramref name="question"/> is the TSV's question cell,
    /// <paramref name="prediction"/> the prediction as VLMEvalKit reads it back (<c>str(line['prediction'])</c>).</summary>
    public static string VlmEvalKit(string question, string prediction)
    {
        var sb = new System.Text.StringBuilder(VlmEvalKitTask);
        foreach (string example in VlmEvalKitExamples) sb.Append(example).Append('\n');
        sb.Append(question).Append('\n');
        sb.Append("Model respone: ").Append(prediction);
        sb.Append("Extracted answer:");
        return sb.ToString();
    }
}
