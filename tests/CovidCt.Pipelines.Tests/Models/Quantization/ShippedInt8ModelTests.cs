using System.Text.Json;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Synthesis;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Models.Quantization;
using CovidCt.Testing;

namespace CovidCt.Pipelines.Tests.Models.Quantization;

/// <summary>
/// models/unetpp-v2-int8.onnx is what its card says: made from the shipped unetpp-v2 with min/max calibration (docs/models.md says why), on
/// the default spec's train split, which anyone can rebuild into the cohort it records.
/// </summary>
public sealed class ShippedInt8ModelTests
{
    private static readonly string Int8Model = Repository.File("models", "unetpp-v2-int8.onnx");

    [Fact]
    public void It_records_the_shipped_unetpp_v2_and_min_max_calibration()
    {
        var record = Record();
        Assert.Equal(OnnxModelInfo.Read(Repository.File("models", "unetpp-v2.onnx")).Sha256, record.GetProperty("source_model_sha256").GetString());
        Assert.Equal("unetpp-v2.onnx", record.GetProperty("source_model").GetString());
        Assert.Equal(Int8Quantization.SchemeOf(CalibrationMethod.MinMax), record.GetProperty("scheme").GetString());
        Assert.Equal("default-train/manifest.csv", record.GetProperty("calibration_cohort").GetString());
        Assert.Equal("train", record.GetProperty("calibration_split").GetString());
        // Every slice of the 12 train patients.
        Assert.Equal(269, record.GetProperty("calibration_slices").GetInt32());
    }

    // Issue #20: the shipped file recorded the cohort's file times, so no rebuild of its calibration cohort could match it.
    [Fact]
    public void Its_calibration_cohort_is_the_default_spec_train_split_rebuilt_by_content()
    {
        using var folder = new TempFolder();
        var cohort = Path.Combine(folder.Path, "default-train");
        var built = CohortBuilder.Build(CohortSpec.Load(Repository.File("datasets", "specs", "default.json")), cohort,
            new CohortBuildOptions(ContactSheets: false, Splits: new HashSet<CohortSplit> { CohortSplit.Train }));

        Assert.Equal(CohortFingerprint.ComputeFromContent(CohortManifest.Load(built.Manifest)), Record().GetProperty("calibration_cohort_sha256").GetString());
    }

    private static JsonElement Record()
    {
        using var record = JsonDocument.Parse(OnnxModelInfo.Read(Int8Model).Metadata[ModelMetadataKeys.Quantization]);
        return record.RootElement.Clone();
    }
}
