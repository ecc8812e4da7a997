using System.Text.Json;
using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Models.Quantization.Onnx;
using Google.Protobuf;
using Microsoft.ML;

namespace CovidCt.Pipelines.Models.Quantization;

/// <summary>
/// Static int8 quantisation of a float lesion model in ONNX Runtime's QDQ format (<c>covidct model quantize</c>): activation
/// ranges calibrated on a cohort's slices, preprocessed by the pipeline's own step 2 so that calibration sees exactly what
/// scoring sees; uint8 activations per tensor, int8 weights per output channel, int32 bias. The result is a model like any other
/// (its <c>covidct.*</c> metadata kept, <see cref="ModelMetadataKeys.Quantization"/> added) and is written only when complete.
/// </summary>
public static class Int8Quantization
{
    /// <summary>The scheme with the default calibration (<see cref="CalibrationMethod.MinMax"/>), as recorded in the model's metadata.</summary>
    public const string Scheme = "static QDQ: activations uint8 per tensor (min/max over the calibration slices), weights int8 symmetric per output channel (7-bit, +-63), bias int32";

    /// <summary>The scheme with <paramref name="calibration"/>, as recorded in the model's metadata.</summary>
    public static string SchemeOf(CalibrationMethod calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return calibration.Percentile is { } p
            ? Scheme.Replace("(min/max over the calibration slices)", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({100m - (decimal)p}th to {(decimal)p}th percentile over the calibration slices)"), StringComparison.Ordinal)
            : Scheme;
    }

    /// <summary>
    /// Quantises <paramref name="modelPath"/> with activation ranges from <paramref name="calibration"/>'s slices in
    /// <paramref name="split"/> (all when null) and writes <paramref name="outputPath"/>: first to a temporary file beside it,
    /// moved into place only when complete, so a failure leaves nothing behind.
    /// </summary>
    /// <param name="modelPath">A float32 ONNX lesion model.</param>
    /// <param name="calibration">The calibration cohort.</param>
    /// <param name="split">Its split to calibrate on, or null for every patient.</param>
    /// <param name="outputPath">The int8 model to write; must not exist.</param>
    /// <param name="maxSlices">At most this many slices, spread evenly over each patient's series; null for every slice.</param>
    /// <param name="method">How activation values become ranges; null for <see cref="CalibrationMethod.MinMax"/>.</param>
    /// <remarks>Batch normalisation after a convolution is folded into it first (<see cref="Int8QuantizationResult.FoldedBatchNorms"/>).
    /// The calibration cohort is recorded by its content (<see cref="CohortFingerprint.ComputeFromContent"/>), so the same model
    /// calibrated on a cohort rebuilt into the same bytes is the same file.</remarks>
    /// <exception cref="InvalidInputException">When the model cannot be read, is quantised already, has batch normalisation that
    /// cannot be folded or nothing to quantise, when the cohort's split has no slices, or when the output exists or its folder does not.</exception>
    public static Int8QuantizationResult Quantize(string modelPath, CohortManifest calibration, CohortSplit? split, string outputPath, int? maxSlices = null, CalibrationMethod? method = null)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var calibrationMethod = method ?? CalibrationMethod.MinMax;
        if (maxSlices is < 1) throw new ArgumentOutOfRangeException(nameof(maxSlices), maxSlices, "at least one calibration slice");
        var output = Path.GetFullPath(outputPath);
        if (File.Exists(output) || Directory.Exists(output)) throw new InvalidInputException(output, "the output exists already; expected a new file (the quantiser never replaces a model)");
        if (!Directory.Exists(Path.GetDirectoryName(output))) throw new InvalidInputException(output, "the output's folder does not exist; expected an existing folder");
        var info = OnnxModelInfo.Read(modelPath);
        if (info.Metadata.ContainsKey(ModelMetadataKeys.Quantization)) throw new InvalidInputException(modelPath, $"the model is quantised already (metadata '{ModelMetadataKeys.Quantization}'); expected a float32 model", field: ModelMetadataKeys.Quantization);
        var (model, folded) = BatchNormFolding.Fold(OnnxModelFile.Read(modelPath), modelPath);
        var plan = QuantizationPlan.Of(model, modelPath);
        var patients = calibration.InSplit(split).Count();
        var splitName = CohortSplitNames.NameOrAll(split);
        if (patients == 0) throw new InvalidInputException(calibration.Path, $"no patient in split '{splitName}'; expected the calibration slices there", field: "split");

        long[] imageShape = info.Layout == TensorLayout.Nchw ? [1, info.Channels, info.InputHeight, info.InputWidth] : [1, info.InputHeight, info.InputWidth, info.Channels];
        var (ranges, slices) = ActivationCalibration.Measure(model, plan, info.InputName, imageShape, CalibrationImages(modelPath, calibration, split, patients, maxSlices), calibrationMethod);
        if (slices == 0) throw new InvalidInputException(calibration.Path, $"split '{splitName}' has no slices; expected at least one to calibrate on", field: "split");

        var quantised = QdqRewriter.Rewrite(model, modelPath, plan, ranges);
        var fields = new Dictionary<string, object>
        {
            ["scheme"] = SchemeOf(calibrationMethod),
            // The manifest's folder and name only: the model travels, the machine's paths should not.
            ["calibration_cohort"] = $"{Path.GetFileName(calibration.Folder)}/{Path.GetFileName(calibration.Path)}",
            // By content, not file times: rebuilding the cohort into the same bytes must not give another model file.
            ["calibration_cohort_sha256"] = CohortFingerprint.ComputeFromContent(calibration),
            ["calibration_split"] = splitName,
            ["calibration_slices"] = slices,
            ["source_model"] = Path.GetFileName(modelPath),
            ["source_model_sha256"] = info.Sha256,
        };
        if (folded > 0) fields["batch_norms_folded"] = folded;
        var record = JsonSerializer.Serialize(fields);
        quantised.MetadataProps.Add(new StringStringEntryProto { Key = ModelMetadataKeys.Quantization, Value = record });
        var fusion = KernelFusion.Of(quantised);
        WriteWhole(quantised, output);
        return new Int8QuantizationResult(output, info.Sha256, OnnxModelInfo.HashFile(output), slices, patients, plan.Convs, plan.Int8Convs.Count, plan.Activations.Count, fusion)
        {
            FoldedBatchNorms = folded,
            Calibration = calibrationMethod,
        };
    }

    // The model inputs of the split's slices as evaluate makes them (step 2 of the one pipeline, the patient's body frame and all),
    // at most maxSlices of them, spread evenly over each patient's slices.
    private static IEnumerable<float[]> CalibrationImages(string modelPath, CohortManifest calibration, CohortSplit? split, int patients, int? maxSlices)
    {
        var context = new MLContext(seed: 0);
        var slices = SliceDataView.FromCohort(context, calibration, split);
        using var preprocessing = context.CovidCt().PreprocessCtSlices(modelPath).Fit(slices);
        var rows = ((IRowStream<PreprocessedSliceRow>)preprocessing.Transform(slices)).Rows;
        var perPatient = maxSlices is { } most ? (int)Math.Ceiling(most / (double)patients) : int.MaxValue;
        var taken = 0;
        foreach (var row in rows)
        {
            if (taken == maxSlices) yield break;
            if (perPatient < row.SliceCount && !Chosen(row.SliceIndex, row.SliceCount, perPatient)) continue;
            taken++;
            yield return row.Image;
        }
    }

    // True for the slices at the centres of `count` equal runs of the series.
    private static bool Chosen(int index, int sliceCount, int count) =>
        Enumerable.Range(0, count).Any(k => (int)((k + 0.5) * sliceCount / count) == index);

    private static void WriteWhole(ModelProto model, string output)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                model.WriteTo(stream);
            }
            File.Move(temporary, output, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>What <see cref="Int8Quantization.Quantize"/> wrote.</summary>
/// <param name="OutputPath">The int8 model.</param>
/// <param name="SourceSha256">SHA-256 of the float model.</param>
/// <param name="OutputSha256">SHA-256 of the int8 model.</param>
/// <param name="CalibrationSlices">Slices the ranges were measured on.</param>
/// <param name="CalibrationPatients">Patients of the calibration split.</param>
/// <param name="Convs">Convolutions in the model.</param>
/// <param name="Int8Convs">Convolutions given int8 weights.</param>
/// <param name="QuantisedActivations">Activations given a quantise/dequantise pair.</param>
/// <param name="Fusion">What ONNX Runtime's optimiser made of the model on this machine.</param>
public sealed record Int8QuantizationResult(string OutputPath, string SourceSha256, string OutputSha256, int CalibrationSlices, int CalibrationPatients,
    int Convs, int Int8Convs, int QuantisedActivations, KernelFusion Fusion)
{
    /// <summary>BatchNormalization nodes folded into the convolution before them.</summary>
    public int FoldedBatchNorms { get; init; }

    /// <summary>How activation values became ranges.</summary>
    public CalibrationMethod Calibration { get; init; } = CalibrationMethod.MinMax;
}
