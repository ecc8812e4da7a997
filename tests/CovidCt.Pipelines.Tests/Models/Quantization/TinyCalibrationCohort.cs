using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Models.Quantization;
using CovidCt.Testing;

namespace CovidCt.Pipelines.Tests.Models.Quantization;

/// <summary>
/// The shipped unetpp-v2 quantised once for the quantisation tests, calibrated on 6 slices of two default-cohort patients (one
/// COVID-19, one control) named in a manifest of their own, train split.
/// </summary>
public sealed class TinyCalibrationCohort : IDisposable
{
    public const int Slices = 6;

    public TinyCalibrationCohort()
    {
        var manifest = Folder.File("manifest.csv");
        File.WriteAllLines(manifest,
        [
            "patient_id,label,images,masks,split",
            $"sim-003,covid,{Repository.File("datasets", "default", "images", "sim-003.nii.gz")},{Repository.File("datasets", "default", "masks", "sim-003.nii.gz")},train",
            $"sim-009,control,{Repository.File("datasets", "default", "images", "sim-009.nii.gz")},,train",
        ]);
        Manifest = CohortManifest.Load(manifest);
        Result = Int8Quantization.Quantize(FloatModel, Manifest, CohortSplit.Train, Folder.File("unetpp-v2-int8.onnx"), Slices);
    }

    public TempFolder Folder { get; } = new();

    public static string FloatModel => Repository.File("models", "unetpp-v2.onnx");

    public CohortManifest Manifest { get; }

    public Int8QuantizationResult Result { get; }

    public void Dispose() => Folder.Dispose();
}
