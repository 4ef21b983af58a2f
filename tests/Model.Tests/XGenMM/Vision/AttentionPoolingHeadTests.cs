using TorchSharp;
using static TorchSharp.torch;

namespace XGenEval.Model.Tests.XGenMM.Vision;

/// <summary>
/// SigLIP's attention-pooling head (HF SiglipMultiheadAttentionPoolingHead, used for RICES features) against the
/// same computation written out by hand in double from the tiny checkpoint's head weights: nn.MultiheadAttention
/// with the probe as the only query (in_proj rows q|k|v, 4 heads, softmax of q·k/√16), out_proj, then
/// h + fc2(gelu_tanh(fc1(layernorm(h)))).
/// </summary>
public class AttentionPoolingHeadTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    double[] Weights(string name) =>
        tiny.Model.named_parameters().Single(p => p.name == "vision_encoder.head." + name).parameter.to(ScalarType.Float64).flatten().data<double>().ToArray();

    [Fact]
    public void PooledFeaturesMatchAHandWrittenMultiheadAttentionPool()
    {
        const int n = 2, patches = 16, d = 64, heads = 4, hd = 16, mlp = 128;
        using var generator = new torch.Generator(7);
        using var hidden = torch.randn([n, patches, d], generator: generator);
        using var pooled = tiny.Model.VisionEncoder.Pool(hidden);
        Assert.Equal([n, d], pooled.shape);
        var actual = pooled.flatten().data<float>().ToArray();

        double[] x = hidden.to(ScalarType.Float64).flatten().data<double>().ToArray();
        double[] probe = Weights("probe"), inW = Weights("attention.in_proj_weight"), inB = Weights("attention.in_proj_bias");
        double[] outW = Weights("attention.out_proj.weight"), outB = Weights("attention.out_proj.bias");
        double[] lnW = Weights("layernorm.weight"), lnB = Weights("layernorm.bias");
        double[] fc1W = Weights("mlp.fc1.weight"), fc1B = Weights("mlp.fc1.bias"), fc2W = Weights("mlp.fc2.weight"), fc2B = Weights("mlp.fc2.bias");

        // y[o] = b[o] + Σ_i W[row0 + o, i] · v[i]
        static double[] Affine(double[] w, double[] b, int row0, int rows, int cols, ReadOnlySpan<double> v)
        {
            var y = new double[rows];
            for (int o = 0; o < rows; o++)
            {
                double s = b[row0 + o];
                for (int i = 0; i < cols; i++) s += w[(row0 + o) * cols + i] * v[i];
                y[o] = s;
            }
            return y;
        }

        for (int b = 0; b < n; b++)
        {
            var q = Affine(inW, inB, 0, d, d, probe);
            var k = new double[patches][];
            var v = new double[patches][];
            for (int j = 0; j < patches; j++)
            {
                var row = x.AsSpan((b * patches + j) * d, d);
                k[j] = Affine(inW, inB, d, d, d, row);
                v[j] = Affine(inW, inB, 2 * d, d, d, row);
            }
            var attended = new double[d];
            for (int h = 0; h < heads; h++)
            {
                var scores = new double[patches];
                for (int j = 0; j < patches; j++)
                {
                    for (int c = 0; c < hd; c++) scores[j] += q[h * hd + c] * k[j][h * hd + c];
                    scores[j] /= Math.Sqrt(hd);
                }
                double max = scores.Max(), sum = scores.Sum(s => Math.Exp(s - max));
                for (int j = 0; j < patches; j++)
                    for (int c = 0; c < hd; c++) attended[h * hd + c] += Math.Exp(scores[j] - max) / sum * v[j][h * hd + c];
            }
            var o = Affine(outW, outB, 0, d, d, attended);
            double mean = o.Average(), variance = o.Sum(t => (t - mean) * (t - mean)) / d;
            var ln = o.Select((t, i) => (t - mean) / Math.Sqrt(variance + 1e-6) * lnW[i] + lnB[i]).ToArray();
            var f1 = Affine(fc1W, fc1B, 0, mlp, d, ln)
                .Select(t => 0.5 * t * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (t + 0.044715 * t * t * t)))).ToArray();
            var f2 = Affine(fc2W, fc2B, 0, d, mlp, f1);
            for (int i = 0; i < d; i++) Assert.Equal(o[i] + f2[i], actual[b * d + i], 1e-4);
        }
    }
}
