using XGenEval.Cli.Runs;

namespace XGenEval.Cli.Tests.Runs;

public class SecretRedactorTests
{
    [Fact]
    public void OptionValuesNamedLikeSecretsAreMasked()
    {
        var argv = SecretRedactor.RedactArguments(
            ["run", "mmbench", "--judge-key", "abc123", "--api-key=xyz", "--hf-token", "t", "--limit", "5", "--model", "org/m"]);
        Assert.Equal(["run", "mmbench", "--judge-key", "***", "--api-key=***", "--hf-token", "***", "--limit", "5", "--model", "org/m"], argv);
    }

    [Theory]
    [InlineData("key sk-proj-abcdefghijklmnop1234 leaked", "key *** leaked")]
    [InlineData("token hf_abcdefghijklmnopqrstuvwx here", "token *** here")]
    [InlineData("Authorization: Bearer abc.def", "Authorization: ***")]
    [InlineData("azure 0123456789abcdef0123456789abcdef end", "azure *** end")]
    [InlineData("--judge-endpoint=http://user:pa55word@localhost:8000/v1", "--judge-endpoint=http://***@localhost:8000/v1")]
    [InlineData("https://res.example/chat?api-version=1&api-key=k3y&x=1", "https://res.example/chat?api-version=1&api-key=***&x=1")]
    public void KeyLookingTextIsMaskedAnywhere(string text, string expected) => Assert.Equal(expected, SecretRedactor.RedactText(text));

    [Fact]
    public void OrdinaryHashesAndTextAreKept()
    {
        string commit = "d699f7e54fbe7072c1fbef3b61a4f5e6d3591bd3"; // 40 hex: a git commit, not a key
        Assert.Equal($"revision {commit}", SecretRedactor.RedactText($"revision {commit}"));
        Assert.Equal("MMBench_DEV_EN.tsv skipped", SecretRedactor.RedactText("MMBench_DEV_EN.tsv skipped"));
    }
}
