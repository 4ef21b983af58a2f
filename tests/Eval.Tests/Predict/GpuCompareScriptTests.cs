using System.Diagnostics;

namespace XGenEval.Cli.Tests.Predict;

/// <summary>
/// tools/gpu/compare_dump.py, the check that runs on the lent GPU machine (which has Python but no .NET): it
/// passes the CPU dumps of fixtures A and B, whose differences the fixture tests measure, and fails a dump of
/// another prompt. Skipped where python3 is missing.
/// </summary>
public sealed class GpuCompareScriptTests : IDisposable
{
    readonly PredictScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    static (int Exit, string Out) Python(params string[] args)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process = null;
        }
        Skip.If(process is null, "python3 is not installed");
        string output = process!.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    /// <summary>The script in the checkout the tests were built from.</summary>
    static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tools", "gpu", "compare_dump.py");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("tools/gpu/compare_dump.py not found above " + AppContext.BaseDirectory);
    }

    [SkippableFact]
    public void PassesTheCpuDumpOfFixtureAAndFailsAnotherPrompts()
    {
        string script = Script();
        using var fx = GoldenFiles.Base();
        string[] images = [.. fx.ImageFiles.SelectMany(f => new[] { "--image", f })];
        string prompt = fx.Meta.GetProperty("prompt_text").GetString()!;

        string good = scratch.File("good.safetensors");
        PredictScratch.Json(["--model", scratch.BaseVariant(), "--raw-prompt", prompt, .. images, "--max-new-tokens", "8", "--dump", good]);
        var pass = Python(script, fx.Folder, good);
        Assert.True(pass.Exit == 0, pass.Out);
        Assert.Contains("generated_ids identical:     True", pass.Out);
        Assert.EndsWith("PASS\n", pass.Out);

        // The same images and length, another last word: the inputs and logits no longer match.
        string bad = scratch.File("bad.safetensors");
        PredictScratch.Json(["--model", scratch.BaseVariant(), "--raw-prompt", prompt[..^1] + "!", .. images, "--max-new-tokens", "8", "--dump", bad]);
        var fail = Python(script, fx.Folder, bad);
        Assert.Equal(1, fail.Exit);
        Assert.EndsWith("FAIL\n", fail.Out);
    }

    [SkippableFact]
    public void PassesTheCpuDumpOfFixtureBsFirstSampleCutFromItsPaddedBatch()
    {
        using var fx = GoldenFiles.InstructAnyres();
        string dump = scratch.File("b0.safetensors");
        PredictScratch.Json("--image", fx.ImageFiles[0], "Describe this image in detail.", "--max-new-tokens", "8", "--dump", dump, "--tokenizer", "fast");
        var pass = Python(Script(), fx.Folder, dump);
        Assert.True(pass.Exit == 0, pass.Out);
        Assert.Contains("perceiver_mask               max abs diff 0.00e+00", pass.Out);
        Assert.Contains("fixture:                     B_instruct_anyres", pass.Out);

        // The slow tokenizer's ids (a leading lone "▁") are not the fixture's: the comparison must notice.
        string slow = scratch.File("b0-slow.safetensors");
        PredictScratch.Json("--image", fx.ImageFiles[0], "Describe this image in detail.", "--max-new-tokens", "8", "--dump", slow);
        var fail = Python(Script(), fx.Folder, slow);
        Assert.Equal(1, fail.Exit);
        Assert.Contains("input_ids identical:         False", fail.Out);
    }
}
