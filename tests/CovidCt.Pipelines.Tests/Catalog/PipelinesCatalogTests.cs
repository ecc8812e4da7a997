using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;

namespace CovidCt.Pipelines.Tests.Catalog;

public sealed class PipelinesCatalogTests : IDisposable
{
    private static readonly (int X, int Y)[] None = [];
    private readonly TestModels _models = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _models.Dispose();

    private IDataView Slices(string patientId, params (int X, int Y)[][] lesions) =>
        SliceDataView.Load(_ml, SliceDataView.Rows(patientId, true, Phantom.Volume(lesions)).ToArray());

    [Fact]
    public void Batched_scoring_and_the_apply_onnx_model_reference_give_the_same_probabilities()
    {
        var model = _models.Convolution(32);
        var ul = Phantom.UpperLeft;
        var slices = Slices("P1", None, [ul], [ul, Phantom.LowerRight], [Phantom.OutsideLungs], [ul]);
        var preprocess = _ml.CovidCt().PreprocessCtSlices(model);
        using var fitted = preprocess.Append(_ml.CovidCt().ScoreLesions(model, new OnnxScoringOptions { BatchSize = 4 })).Fit(slices);
        var batched = fitted.Transform(slices);
        var reference = preprocess.Append(_ml.Transforms.ScoreLesionsWithApplyOnnxModel(model)).Fit(slices).Transform(slices);
        var a = _ml.Data.CreateEnumerable<ScoredSliceRow>(batched, reuseRowObject: false).ToArray();
        var b = _ml.Data.CreateEnumerable<ScoredSliceRow>(reference, reuseRowObject: false).ToArray();
        Assert.Equal(5, a.Length);
        Assert.Equal(5, b.Length);
        // The patient's body frame, the one both chains scored in.
        var frame = ImagePreprocessing.Resolve(new PreprocessingOptions(), CovidCt.Pipelines.Models.OnnxModelInfo.Read(model)).FrameOf(a.Select(r => (ReadOnlyMemory<float>)r.Hounsfield).ToArray(), a[0].Width, a[0].Height);
        var largest = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal((32, 32), (b[i].ProbabilityWidth, b[i].ProbabilityHeight));
            Assert.Equal((a[i].Width, a[i].Height), (a[i].ProbabilityWidth, a[i].ProbabilityHeight));
            // Scoring returns maps quantised to k/255 with or without the cache (docs/pipeline.md) and taken back to the slice's
            // resolution, so the reference is quantised and taken back alike, by the one resize-back step.
            var quantised = new ProbabilityMap(32, 32, b[i].Probability.Select(v => MathF.Round(v * 255f, MidpointRounding.AwayFromZero) / 255f).ToArray());
            var expected = SliceResolution.ToSlice(quantised, frame).Values;
            Assert.Equal(expected.Length, a[i].Probability.Length);
            for (var p = 0; p < expected.Length; p++) largest = Math.Max(largest, Math.Abs(a[i].Probability[p] - expected[p]));
        }
        Assert.True(largest <= 1e-5, $"largest difference {largest}");
        Assert.True(a.SelectMany(r => r.Probability).Distinct().Count() > 10, "the convolution model should give varied probabilities");
    }

    [Fact]
    public void The_scoring_step_takes_maps_back_through_its_own_frame_when_the_preprocessing_step_framed_for_other_options()
    {
        // The scoring step reuses the preprocessing step's frame only when both framed for the same preprocessing: here the
        // images are made on the whole slice, while scoring frames on the body, as it would alone.
        var model = _models.Convolution(32);
        var ul = Phantom.UpperLeft;
        var slices = Slices("P5", None, [ul], [ul, Phantom.LowerRight]);
        var wholeSlice = new PreprocessingOptions { Framing = SliceFraming.Image };
        var preprocess = _ml.CovidCt().PreprocessCtSlices(model, wholeSlice);
        using var fitted = preprocess.Append(_ml.CovidCt().ScoreLesions(model)).Fit(slices);
        var scored = _ml.Data.CreateEnumerable<ScoredSliceRow>(fitted.Transform(slices), reuseRowObject: false).ToArray();
        var reference = _ml.Data.CreateEnumerable<ScoredSliceRow>(preprocess.Append(_ml.Transforms.ScoreLesionsWithApplyOnnxModel(model)).Fit(slices).Transform(slices), reuseRowObject: false).ToArray();
        var info = CovidCt.Pipelines.Models.OnnxModelInfo.Read(model);
        var (width, height) = (scored[0].Width, scored[0].Height);
        var body = ImagePreprocessing.Resolve(new PreprocessingOptions(), info).FrameOf(scored.Select(r => (ReadOnlyMemory<float>)r.Hounsfield).ToArray(), width, height);
        Assert.NotEqual(ImagePreprocessing.Resolve(wholeSlice, info).FrameOf(width, height), body);
        for (var i = 0; i < scored.Length; i++)
        {
            var quantised = new ProbabilityMap(32, 32, reference[i].Probability.Select(v => MathF.Round(v * 255f, MidpointRounding.AwayFromZero) / 255f).ToArray());
            var expected = SliceResolution.ToSlice(quantised, body).Values;
            var largest = expected.Select((v, p) => Math.Abs(v - scored[i].Probability[p])).Max();
            Assert.True(largest <= 1e-5, $"slice {i}: largest difference {largest} from the maps taken back through the body frame");
        }
    }

    [Fact]
    public void The_estimator_chain_gives_the_same_boxes_and_patient_decision_as_the_plain_pipeline()
    {
        var model = _models.Lesion(32);
        var ul = Phantom.UpperLeft;
        (int, int)[][] lesions = [None, [ul], [ul, Phantom.LowerRight], [ul, Phantom.OutsideLungs], None];
        var slices = Slices("P2", lesions);
        using var chain = _ml.CovidCt().ScoreAndSegment(model).Append(_ml.CovidCt().DetectLesionBoxes()).Fit(slices);
        var detected = chain.Transform(slices);
        var rows = _ml.Data.CreateEnumerable<DetectedSliceRow>(detected, reuseRowObject: false).ToArray();
        using var plain = new DetectionPipeline(model);
        var expected = plain.Run("P2", Phantom.Volume(lesions));
        Assert.Equal(expected.Slices.Select(s => s.Detection.IsPositive), rows.Select(r => r.IsPositive));
        Assert.Equal(expected.Slices.Select(s => s.Detection.Boxes.Count), rows.Select(r => r.BoxCount));
        Assert.Equal(expected.Slices.Select(s => (int)s.Detection.Quadrants), rows.Select(r => r.Quadrants));
        Assert.Equal(expected.Slices[1].Detection.Boxes[0].Bounds, rows[1].Detection().Boxes[0].Bounds);
        using var rule = _ml.CovidCt().ApplyPatientRule().Fit(detected);
        var patient = Assert.Single(_ml.Data.CreateEnumerable<PatientRow>(rule.Transform(detected), reuseRowObject: false));
        Assert.Equal(("P2", true, true, expected.Decision.FirstSlice, expected.Decision.LastSlice), (patient.PatientId, patient.Label, patient.IsPositive, patient.FirstSlice, patient.LastSlice));
    }

    [Fact]
    public void A_step_whose_input_columns_are_missing_names_them()
    {
        var slices = Slices("P3", None);
        var error = Assert.Throws<ArgumentException>(() => _ml.CovidCt().DetectLesionBoxes().Fit(slices));
        Assert.Contains("DetectLesionBoxes reads the column(s)", error.Message);
        Assert.Contains("Probability", error.Message);
    }

    [Fact]
    public void Non_finite_output_through_the_catalog_names_patient_and_slice()
    {
        var model = _models.NotANumber(32);
        var slices = Slices("P9", None, None);
        using var fitted = _ml.CovidCt().PreprocessCtSlices(model).Append(_ml.CovidCt().ScoreLesions(model)).Fit(slices);
        var scored = fitted.Transform(slices);
        var error = Assert.Throws<CovidCt.Data.IO.InvalidInputException>(() => _ml.Data.CreateEnumerable<ScoredSliceRow>(scored, false).ToArray());
        Assert.Contains("patient 'P9', slice 0", error.Message);
    }

    [Fact]
    public void Slices_from_any_data_view_and_rows_read_by_any_cursor_give_the_same_patients()
    {
        var model = _models.Lesion(32);
        var ul = Phantom.UpperLeft;
        var rows = SliceDataView.Rows("P4", true, Phantom.Volume([ul], [ul], [ul], None)).ToArray();
        // One input passes typed rows between the steps, the other is a plain ML.NET view read through its cursor.
        var ours = SliceDataView.Load(_ml, rows);
        var plain = _ml.Data.LoadFromEnumerable(rows);
        using var chain = _ml.CovidCt().DetectCovidLesions(model).Fit(ours);
        var a = Assert.Single(_ml.Data.CreateEnumerable<PatientRow>(chain.Transform(ours), reuseRowObject: false));
        var b = Assert.Single(_ml.Data.CreateEnumerable<PatientRow>(chain.Transform(plain), reuseRowObject: false));
        Assert.True(a.IsPositive);
        Assert.Equal(a.Decision(), b.Decision());
        Assert.Equal(a.Boxes, b.Boxes);
        // An ML.NET cursor over a step's output reads every column, the lazily made model input included.
        using var preprocess = _ml.CovidCt().PreprocessCtSlices(model).Fit(ours);
        var images = _ml.Data.CreateEnumerable<PreprocessedSliceRow>(preprocess.Transform(ours), reuseRowObject: false).ToArray();
        Assert.All(images, r => Assert.Equal(32 * 32, r.Image.Length));
        Assert.Equal(rows[0].Hounsfield, images[0].Hounsfield);
    }
}
