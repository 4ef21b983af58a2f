using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;

namespace XGenEval.Benchmarks.Judge.Providers;

/// <summary>
/// Renames <c>max_completion_tokens</c> (what the OpenAI SDK 2.x sends) to <c>max_tokens</c> in chat-completions
/// requests. VLMEvalKit sends <c>max_tokens</c> to every model but OpenAI's reasoning models, and the servers people
/// judge with locally (vLLM, llama.cpp, LMDeploy) have long read that field, some of them only that one.
/// </summary>
sealed class MaxTokensFieldPolicy : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    static void Rewrite(PipelineMessage message)
    {
        if (message.Request.Content is not { } content) return;
        using var buffer = new MemoryStream();
        content.WriteTo(buffer, message.CancellationToken);
        if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body || !body.Remove("max_completion_tokens", out var value)) return;
        body["max_tokens"] = value;
        message.Request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }
}
