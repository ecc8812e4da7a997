using CovidCt.Data.IO;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Tests.Definition;

public sealed class PipelineDefinitionTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private static PipelineOptions NonDefaultOptions() => new()
    {
        Preprocessing = { WindowWidth = 1500, WindowLevel = -650 },
        Scoring = { BatchSize = 3, IntraOpThreads = 1 },
        ValidArea = { Region = ValidAreaRegion.Mask, ClosingRadius = 1 },
        LesionBoxes = { Threshold = 0.55, MinPixels = 10 },
        Quadrants = { Centre = QuadrantCentre.Image, Assignment = QuadrantAssignment.Overlap },
        PatientRule = { ConsecutiveSlices = 2, MaxGap = 1 },
    };

    [Fact]
    public void Every_option_round_trips_through_json_and_the_reloaded_pipeline_gives_identical_results()
    {
        var model = _models.Lesion(32);
        var path = Path.Combine(_models.Folder, "pipeline.json");
        PipelineDefinition.Create(model, NonDefaultOptions()).Save(path);
        var loaded = PipelineDefinition.Load(path);
        Assert.Equal(File.ReadAllText(path).TrimEnd(), loaded.ToJson());
        Assert.Equal(0.55, loaded.Options.LesionBoxes.Threshold);
        Assert.Equal(QuadrantAssignment.Overlap, loaded.Options.Quadrants.Assignment);
        var json = File.ReadAllText(path);
        Assert.Contains("\"schema_version\": 2", json);
        Assert.Contains("\"assignment\": \"overlap\"", json);
        Assert.Contains("\"min_pixels\": 10", json);
        Assert.Equal(1500, loaded.Resolved!.WindowWidth);
        Assert.Equal((32, 32), (loaded.Resolved.InputHeight, loaded.Resolved.InputWidth));

        var ul = Phantom.UpperLeft;
        var volume = Phantom.Volume([ul], [ul], [], [ul, Phantom.LowerRight]);
        using var original = new DetectionPipeline(model, NonDefaultOptions());
        using var reloaded = loaded.Build();
        var a = original.Run("P1", volume);
        var b = reloaded.Run("P1", volume);
        Assert.Equal(a.Decision, b.Decision);
        Assert.True(a.Decision.IsPositive);
        Assert.Equal(a.Slices.SelectMany(s => s.Detection.Boxes), b.Slices.SelectMany(s => s.Detection.Boxes));
    }

    [Fact]
    public void A_relative_model_path_is_resolved_against_the_definition_folder()
    {
        var model = _models.Identity(8);
        var path = Path.Combine(_models.Folder, "sub", "pipeline.json");
        var definition = PipelineDefinition.Create(model);
        definition.ModelPath = Path.Combine("..", Path.GetFileName(model));
        definition.Save(path);
        Assert.Equal(model, PipelineDefinition.Load(path).ModelPath);
    }

    [Fact]
    public void A_model_whose_bytes_changed_is_refused()
    {
        var model = _models.Identity(8);
        var definition = PipelineDefinition.Create(model);
        File.Copy(_models.Identity(16), model, overwrite: true);
        var error = Assert.Throws<InvalidInputException>(definition.Build);
        Assert.Contains("the file changed since the definition was written", error.Message);
    }

    [Fact]
    public void Unknown_fields_and_other_versions_are_invalid_input()
    {
        var path = Path.Combine(_models.Folder, "bad.json");
        File.WriteAllText(path, "{\"schema_version\":2,\"model_path\":\"m.onnx\",\"model_sha256\":\"\",\"options\":{\"lesion_boxes\":{\"treshold\":0.4}}}");
        Assert.Contains("treshold", Assert.Throws<InvalidInputException>(() => PipelineDefinition.Load(path)).Message);
        File.WriteAllText(path, "{\"schema_version\":1}");
        Assert.Equal("schema_version", Assert.Throws<InvalidInputException>(() => PipelineDefinition.Load(path)).Field);
        File.WriteAllText(path, "{\"schema_version\":2,\"options\":{\"patient_rule\":{\"consecutive_slices\":0}}}");
        var outOfRange = Assert.Throws<InvalidInputException>(() => PipelineDefinition.Load(path));
        Assert.Equal("options", outOfRange.Field);
        Assert.Contains("consecutive slices is 0", outOfRange.Message);
    }

    [Fact]
    public void A_valid_area_model_is_hashed_resolved_and_verified_too()
    {
        var lung = _models.Lung(32);
        var options = new PipelineOptions { ValidArea = { SegmentationModelPath = Path.GetFileName(lung) } };
        var path = Path.Combine(_models.Folder, "pipeline.json");
        var definition = PipelineDefinition.Create(_models.Lesion(32), new PipelineOptions { ValidArea = { SegmentationModelPath = lung } });
        Assert.Equal(64, definition.ValidAreaModelSha256!.Length);
        definition.Options = options;
        definition.Save(path);
        var loaded = PipelineDefinition.Load(path);
        Assert.Equal(lung, loaded.Options.ValidArea.SegmentationModelPath);
        loaded.VerifyModel();
        File.Copy(_models.Silent(32), lung, overwrite: true);
        Assert.Equal("valid_area_model_sha256", Assert.Throws<InvalidInputException>(loaded.VerifyModel).Field);
    }
}
