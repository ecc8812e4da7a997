using CovidCt.Data.IO;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Scoring;

public sealed class BatchedOnnxScorerTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    internal static float[][] RandomImages(int count, int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
    }

    [Fact]
    public void Identity_model_returns_its_input_for_every_image_of_a_partial_last_batch()
    {
        using var scorer = new BatchedOnnxScorer(_models.Identity(4), options: new OnnxScoringOptions { BatchSize = 3 });
        var images = RandomImages(5, 16, seed: 1);
        var maps = scorer.Score(images);
        Assert.Equal(5, maps.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal((4, 4), (maps[i].Width, maps[i].Height));
            Assert.Equal(images[i], maps[i].Values);
        }
    }

    [Fact]
    public void Batch_size_and_thread_settings_do_not_change_the_probabilities()
    {
        var path = _models.Convolution(8);
        var images = RandomImages(7, 64, seed: 2);
        using var single = new BatchedOnnxScorer(path, options: new OnnxScoringOptions { BatchSize = 1, IntraOpThreads = 1, GraphOptimization = GraphOptimization.None });
        using var batched = new BatchedOnnxScorer(path, options: new OnnxScoringOptions { BatchSize = 4, IntraOpThreads = 2 });
        using var concurrent = new BatchedOnnxScorer(path, options: new OnnxScoringOptions { BatchSize = 2, ConcurrentBatches = 2 });
        var c = concurrent.Score(images);
        var a = single.Score(images);
        var b = batched.Score(images);
        for (var i = 0; i < images.Length; i++)
        {
            for (var p = 0; p < 64; p++)
            {
                Assert.Equal(a[i].Values[p], b[i].Values[p], 1e-6f);
                Assert.Equal(a[i].Values[p], c[i].Values[p], 1e-6f);
            }
        }
    }

    [Fact]
    public void Concurrent_batches_return_every_map_in_input_order()
    {
        // 11 images in batches of 2 on 3 concurrent runs: six batches finishing in any order, the last one partial.
        using var scorer = new BatchedOnnxScorer(_models.Identity(4), options: new OnnxScoringOptions { BatchSize = 2, ConcurrentBatches = 3 });
        var images = RandomImages(11, 16, seed: 3);
        var maps = scorer.Score(images);
        Assert.Equal(images, maps.Select(m => m.Values));
    }

    [Fact]
    public void A_wrong_image_length_is_refused_before_any_batch_runs_even_when_batches_run_at_once()
    {
        using var scorer = new BatchedOnnxScorer(_models.Identity(4), options: new OnnxScoringOptions { BatchSize = 1, ConcurrentBatches = 2 });
        var images = RandomImages(4, 16, seed: 4).Append(new float[15]).ToArray();
        var error = Assert.Throws<ArgumentException>(() => scorer.Score(images));
        Assert.Contains("image 4 holds 15 floats", error.Message);
    }

    [Fact]
    public void Asking_for_cuda_on_a_machine_without_it_falls_back_to_the_cpu()
    {
        using var scorer = new BatchedOnnxScorer(_models.Identity(4), options: new OnnxScoringOptions { UseCuda = true });
        Assert.False(scorer.UsesCuda);
        Assert.Equal(new float[16], scorer.Score([new float[16]])[0].Values);
    }

    [Fact]
    public void A_cuda_session_runs_in_float32_unless_tf32_is_asked_for()
    {
        // ONNX Runtime's CUDA provider defaults to TF32, which moved decisions on an H200 (docs/scale.md).
        var plain = BatchedOnnxScorer.CudaProviderSettings(new OnnxScoringOptions { UseCuda = true, CudaDeviceId = 1 });
        Assert.Equal("0", plain["use_tf32"]);
        Assert.Equal("1", plain["device_id"]);
        Assert.Equal("1", BatchedOnnxScorer.CudaProviderSettings(new OnnxScoringOptions { UseCuda = true, AllowTf32 = true })["use_tf32"]);
    }

    [Fact]
    public void Deep_supervision_heads_can_be_picked_by_name_or_averaged()
    {
        var path = _models.TwoHeads(2);
        float[] image = [0.2f, 0.4f, 0.6f, 0.8f];
        using (var half = new BatchedOnnxScorer(path, options: new OnnxScoringOptions { OutputName = "half" }))
        {
            Assert.Equal([0.1f, 0.2f, 0.3f, 0.4f], half.Score([image])[0].Values);
        }
        using (var mean = new BatchedOnnxScorer(path, options: new OnnxScoringOptions { AverageOutputs = true }))
        {
            var values = mean.Score([image])[0].Values;
            for (var p = 0; p < 4; p++) Assert.Equal(image[p] * 0.75f, values[p], 1e-6f);
        }
    }

    [Fact]
    public void Several_outputs_without_a_choice_or_an_unknown_output_name_list_the_outputs()
    {
        var path = _models.TwoHeads(2);
        var ambiguous = Assert.Throws<InvalidInputException>(() => new BatchedOnnxScorer(path));
        Assert.Contains("full, half", ambiguous.Message);
        var unknown = Assert.Throws<InvalidInputException>(() => new BatchedOnnxScorer(path, options: new OnnxScoringOptions { OutputName = "x0_4" }));
        Assert.Contains("no output 'x0_4'", unknown.Message);
        Assert.Contains("full, half", unknown.Message);
    }

    [Theory]
    [InlineData("size")]
    [InlineData("name")]
    [InlineData("layout")]
    [InlineData("channels")]
    public void Options_that_contradict_the_model_name_what_the_model_expects(string which)
    {
        var options = which switch
        {
            "size" => new PreprocessingOptions { InputHeight = 512 },
            "name" => new PreprocessingOptions { InputName = "input_1" },
            "layout" => new PreprocessingOptions { Layout = CovidCt.Pipelines.Models.TensorLayout.Nhwc },
            _ => new PreprocessingOptions { Channels = 3 },
        };
        var error = Assert.Throws<InvalidInputException>(() => new BatchedOnnxScorer(_models.Identity(16), options));
        Assert.Contains("the model expects input 'image' [N,1,16,16] (NCHW, 1 channel)", error.Message);
    }
}
