using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace XGenEval.Benchmarks.Tests.Support;

/// <summary>A chat-completions request as the test server saw it (header names lower-case).</summary>
public sealed record ChatServerRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode? Json { get; } = Body.Length > 0 ? JsonNode.Parse(Body) : null;

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;

    /// <summary>The (single) user message.</summary>
    public string Prompt => Json?["messages"]?[0]?["content"]?.GetValue<string>() ?? "";

    public string? Model => Json?["model"]?.GetValue<string>();

    public double? Temperature => Json?["temperature"]?.GetValue<double>();
}

/// <summary>What the test server answers: a status, a body, headers, after an optional delay.</summary>
public sealed record ChatServerResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    /// <summary>A chat completion whose message is <paramref name="content"/>.</summary>
    public static ChatServerResponse Reply(string content, string model = "judge-model-2024-01-01", int promptTokens = 100, int completionTokens = 1) =>
        new(200, new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1700000000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        }.ToJsonString());

    public static ChatServerResponse Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "test_error" } }.ToJsonString(), headers);

    /// <summary>A 200 whose body is not JSON.</summary>
    public static ChatServerResponse Malformed() => new(200, "{\"id\": \"chatcmpl-test\", \"choices\": [ this is not json");
}

/// <summary>
/// A chat-completions server on 127.0.0.1 for the judge's tests, speaking both URL shapes: OpenAI's
/// <c>/v1/chat/completions</c> (bearer key) and Azure's <c>/openai/deployments/{name}/chat/completions?api-version=</c>
/// (<c>api-key</c> header). Each request is answered by the test's handler on its own connection (closed after the
/// answer), may be delayed past the client's timeout, and is recorded; the server counts how many are in flight at once.
/// It serves only this process's tests, on loopback, and stops when disposed.
/// </summary>
public sealed class ChatCompletionsServer : IDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly Func<ChatServerRequest, ChatServerResponse> handler;
    readonly CancellationTokenSource stop = new();
    readonly List<ChatServerRequest> requests = [];
    readonly Task loop;
    int inFlight, maxInFlight;

    public ChatCompletionsServer(Func<ChatServerRequest, ChatServerResponse> handler)
    {
        this.handler = handler;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>The OpenAI-compatible base URL: http://127.0.0.1:PORT/v1.</summary>
    public string OpenAiBase => $"http://127.0.0.1:{Port}/v1";

    /// <summary>The Azure resource endpoint: http://127.0.0.1:PORT/.</summary>
    public string AzureEndpoint => $"http://127.0.0.1:{Port}/";

    public IReadOnlyList<ChatServerRequest> Requests
    {
        get { lock (requests) return [.. requests]; }
    }

    /// <summary>The most requests that were being answered at the same moment.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                var request = await ReadRequestAsync(stream);
                if (request is null) return;
                lock (requests) requests.Add(request);
                int now = Interlocked.Increment(ref inFlight);
                int seen;
                while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen) { }
                try
                {
                    var response = handler(request);
                    if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, stop.Token);
                    var body = Encoding.UTF8.GetBytes(response.Body);
                    var head = new StringBuilder($"HTTP/1.1 {response.Status} {(response.Status == 200 ? "OK" : "Status")}\r\n");
                    head.Append("Content-Type: application/json\r\n");
                    foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) head.Append($"{name}: {value}\r\n");
                    head.Append($"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
                    await stream.WriteAsync(body);
                    socket.Shutdown(SocketShutdown.Both);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the client gave up on a slow answer, or the server is stopping
            }
        }
    }

    static async Task<ChatServerRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0) return null;
            head.Add(one[0]);
            if (head.Count > 64 * 1024) return null;
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n");
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            int colon = line.IndexOf(':');
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        var body = new byte[headers.TryGetValue("content-length", out var length) ? int.Parse(length) : 0];
        await stream.ReadExactlyAsync(body);
        string target = first[1];
        int q = target.IndexOf('?');
        return new ChatServerRequest(first[0], q < 0 ? target : target[..q], q < 0 ? "" : target[(q + 1)..], headers, Encoding.UTF8.GetString(body));
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        stop.Dispose();
    }
}
