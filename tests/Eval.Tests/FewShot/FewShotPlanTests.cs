using XGenEval.Cli.Commands;
using XGenEval.Cli.FewShot;
using XGenEval.Core.Errors;

namespace XGenEval.Cli.Tests.FewShot;

public class FewShotPlanTests
{
    static FewShotOptions Parse(string shots, int? trials = null, string? seeds = null, int? seed = null, string? selection = null, string? size = null, bool plain = false) =>
        FewShotArguments.Parse(shots, trials, seeds, seed, selection, size, plain, [], null)!;

    [Fact]
    public void TrialSeedsCountUpFromOpenFlamingosFortyTwoOrFromAnExplicitSeed()
    {
        Assert.Equal([42], Parse("4").Seeds);
        Assert.Equal([42, 43, 44], Parse("0,4,8", trials: 3).Seeds);
        Assert.Equal([7, 8], Parse("4", trials: 2, seed: 7).Seeds);
        Assert.Equal([5, 1], Parse("4", seeds: "5, 1").Seeds);
        Assert.Equal([0, 4, 8], Parse("0,4,8").Shots);
        Assert.Equal(2048, Parse("4").QuerySetSize);
        Assert.Null(Parse("4", size: "all").QuerySetSize);
        Assert.Equal(DemoSelection.Rices, Parse("4", selection: "RICES").Selection);
        Assert.Null(Parse("4").TextOnlyZeroShot); // decided by the model's profile
        Assert.False(Parse("4", plain: true).TextOnlyZeroShot);
        Assert.Null(FewShotArguments.Parse(null, null, null, 3, null, null, false, [], null)); // --seed alone is not few-shot
        Assert.Throws<UsageException>(() => FewShotArguments.Parse(null, null, null, null, "rices", null, false, [], null));
    }

    [Fact]
    public void EachTrialHasAKeyAndSeedFreeTrialsRunOnce()
    {
        var random = FewShotTrial.Plan("coco", Parse("0,4", trials: 2), textOnlyZeroShot: true);
        Assert.Equal(["coco.0shot.seed42", "coco.0shot.seed43", "coco.4shot.seed42", "coco.4shot.seed43"], random.Select(t => t.Key));
        Assert.Equal([2, 2, 4, 4], random.Select(t => t.Demonstrations));
        Assert.Equal([0, 1, 0, 1], random.Select(t => t.Trial));

        // Without text-only demonstrations zero-shot has nothing random; RICES over the whole split neither.
        var plain = FewShotTrial.Plan("coco", Parse("0,4", trials: 2), textOnlyZeroShot: false);
        Assert.Equal(["coco.0shot", "coco.4shot.seed42", "coco.4shot.seed43"], plain.Select(t => t.Key));
        var rices = FewShotTrial.Plan("vqav2", Parse("0,8", trials: 3, selection: "rices", size: "all"), textOnlyZeroShot: true);
        Assert.Equal(["vqav2.0shot.rices", "vqav2.8shot.rices"], rices.Select(t => t.Key));
        var seededRices = FewShotTrial.Plan("vqav2", Parse("8", trials: 2, selection: "rices"), textOnlyZeroShot: true);
        Assert.Equal(["vqav2.8shot.rices.seed42", "vqav2.8shot.rices.seed43"], seededRices.Select(t => t.Key));
    }

    [Fact]
    public void TheDescriptionNamesEverySettingThatDecidesPrompts()
    {
        string d = Parse("0,4", trials: 2, selection: "rices", size: "100").Describe(textOnlyZeroShot: true);
        Assert.Equal("shots=0,4;seeds=42,43;selection=rices;query_set_size=100;zero_shot=two-text-only-demos;algorithm=xgen-eval/fewshot/v1", d);
    }
}
