using XGenEval.Core.Prompts;

namespace XGenEval.Core.Models;

/// <summary>
/// A model runner that can say how many positions of its context a prompt takes (text tokens and vision tokens),
/// so that few-shot prompts can be cut to fit before generation instead of failing or being truncated blindly.
/// </summary>
public interface IPromptTokenCounter
{
    /// <summary>The prompt's length in context positions; for images whose token count is known only after
    /// preprocessing, an upper bound.</summary>
    int CountPromptTokens(InterleavedPrompt prompt);
}
