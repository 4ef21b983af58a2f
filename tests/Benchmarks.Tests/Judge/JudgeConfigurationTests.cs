using XGenEval.Benchmarks.Judge.Providers;
using XGenEval.Core.Errors;

namespace XGenEval.Benchmarks.Tests.Judge;

/// <summary>Where the judge's endpoint, key and model come from: flags first, then the environment variables users of
/// the OpenAI and Azure SDKs and of VLMEvalKit set. The environment is a dictionary here, never the process's.</summary>
public class JudgeConfigurationTests
{
    static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void NoneTurnsTheJudgeOff()
    {
        Assert.Null(new JudgeConfiguration { Model = "none" }.Resolve(Env()));
        Assert.Null(new JudgeConfiguration().Resolve(Env()));
    }

    [Fact]
    public void OpenAiIsTheDefaultAndNeedsAKey()
    {
        var error = Assert.Throws<UsageException>(() => new JudgeConfiguration { Model = "gpt-4o-mini" }.Resolve(Env()));
        Assert.Contains("OPENAI_API_KEY", error.Message);
        var s = new JudgeConfiguration { Model = "gpt-4o-mini" }.Resolve(Env(("OPENAI_API_KEY", "sk-env")))!;
        Assert.Equal((JudgeProvider.OpenAI, "https://api.openai.com/v1", "$OPENAI_API_KEY"), (s.Provider, s.Endpoint.ToString(), s.Credential.Source));
        Assert.Equal("gpt-4o-mini-2024-07-18", s.ResolvedVersion);
        Assert.DoesNotContain("sk-env", s.ToString()); // the settings print no key
    }

    [Fact]
    public void CompatibleServersComeFromTheBaseUrlVariables()
    {
        var s = new JudgeConfiguration { Model = "qwen" }.Resolve(Env(("OPENAI_BASE_URL", "http://localhost:8000/v1")))!;
        Assert.Equal("http://localhost:8000/v1", s.Endpoint.ToString().TrimEnd('/'));
        Assert.Equal("none (local server)", s.Credential.Source);
        // VLMEvalKit's OPENAI_API_BASE names the full chat-completions URL.
        var v = new JudgeConfiguration { Model = "qwen" }.Resolve(Env(("OPENAI_API_BASE", "http://localhost:23333/v1/chat/completions")))!;
        Assert.Equal("http://localhost:23333/v1", v.Endpoint.ToString());
        // The flag wins over the environment.
        var f = new JudgeConfiguration { Model = "qwen", Endpoint = "http://127.0.0.1:9/v1" }.Resolve(Env(("OPENAI_BASE_URL", "http://localhost:8000/v1")))!;
        Assert.Equal(9, f.Endpoint.Port);
    }

    [Fact]
    public void AzureIsChosenByItsEndpointAndUsesItsVariables()
    {
        var env = Env(("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/"), ("AZURE_OPENAI_API_KEY", "az-key"),
            ("AZURE_OPENAI_DEPLOYMENT_NAME", "my-judge"), ("OPENAI_API_VERSION", "2024-06-01"));
        var s = new JudgeConfiguration { Model = "gpt-4o-mini" }.Resolve(env)!;
        Assert.Equal((JudgeProvider.Azure, "my-judge", "2024-06-01", "$AZURE_OPENAI_API_KEY"), (s.Provider, s.Deployment, s.ApiVersion, s.Credential.Source));
        // Without a key, Entra ID; an Azure host given as the endpoint picks Azure too.
        var entra = new JudgeConfiguration { Model = "gpt-4o", Endpoint = "https://other.openai.azure.com/" }.Resolve(Env())!;
        Assert.Equal(JudgeProvider.Azure, entra.Provider);
        Assert.True(entra.Credential.IsEntraId);
        Assert.Equal("gpt-4o", entra.Deployment);
        // A base URL for a compatible server means OpenAI even when the Azure endpoint is set.
        var both = new JudgeConfiguration { Model = "m" }.Resolve(Env(("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/"), ("OPENAI_BASE_URL", "http://localhost:8000/v1")))!;
        Assert.Equal(JudgeProvider.OpenAI, both.Provider);
    }

    [Fact]
    public void PricesAndLimitsAreChecked()
    {
        var s = new JudgeConfiguration { Model = "local", Endpoint = "http://127.0.0.1:1/v1", Price = "0.5/1.5", Repeats = 3 }.Resolve(Env())!;
        Assert.Equal(2.0m, s.Price!.Cost(1_000_000, 1_000_000));
        Assert.Equal(3, s.Repeats);
        Assert.Null(JudgePrices.For("local"));
        Assert.Equal(0.15m, JudgePrices.For("gpt-4o-mini-2024-07-18")!.InputPerMillion);
        Assert.Throws<UsageException>(() => new JudgeConfiguration { Model = "m", Endpoint = "http://127.0.0.1:1/v1", Price = "cheap" }.Resolve(Env()));
        Assert.Throws<UsageException>(() => new JudgeConfiguration { Model = "m", Endpoint = "http://127.0.0.1:1/v1", Repeats = 0 }.Resolve(Env()));
        Assert.Throws<UsageException>(() => new JudgeConfiguration { Model = "m", Endpoint = "ftp://x/" }.Resolve(Env()));
        Assert.Throws<UsageException>(() => new JudgeConfiguration { Model = "m", Provider = "bedrock" }.Resolve(Env()));
    }
}
