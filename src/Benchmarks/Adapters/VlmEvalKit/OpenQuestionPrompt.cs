using System.Text;
using XGenEval.Core.Images;
using XGenEval.Core.Models;
using XGenEval.Core.Prompts;

namespace XGenEval.Benchmarks.Adapters.VlmEvalKit;

/// <summary>
/// Prompts of the open-answer VLMEvalKit benchmarks that a judge reads (MathVista, MM-Vet). Instruct: VLMEvalKit's
/// <c>ImageBaseDataset.build_prompt</c>, which MathVista and MMVet keep and VLMEvalKit's <c>XGenMM</c> does not
/// override: the images, then the question cell as it is (MathVista's already holds the hint and the choices). Base
/// (our choice): the question then "\nAnswer:", raw. MBlip (our choice): the question then "\nAnswer in English:".
/// </summary>
public static class OpenQuestionPrompt
{
    const string Version = "vlmevalkit-open-prompts v1";

    public static InterleavedPrompt Build(string question, IReadOnlyList<ImageSource> images, PromptProfile profile)
    {
        string text = profile switch
        {
            PromptProfile.Instruct => question,
            PromptProfile.Base => question + "\nAnswer:",
            PromptProfile.MBlip => question + "\nAnswer in English:",
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
        };
        return new InterleavedPrompt(McqPrompt.ImagesThen(text, images), raw: profile != PromptProfile.Instruct);
    }

    /// <summary>An example rendered by <see cref="Build"/> (its hash changes with any rule).</summary>
    public static string Template(PromptProfile profile)
    {
        var image = EncodedImageSource.FromBytes("template", "template", []);
        var prompt = Build("{question}", [image], profile);
        return new StringBuilder($"{Version}; open question; profile {profile}\n")
            .Append(prompt.Raw ? "[raw]\n" : "[chat]\n").Append(prompt.Render()).Append("\n----\n").ToString();
    }
}
