using CovidCt.Pipelines;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Tests;

public sealed class RunProvenanceTests
{
    [Fact]
    public void The_recorded_definition_holds_the_preprocessing_the_model_resolved_and_leaves_the_options_alone()
    {
        var path = Repository.File("models", "unetpp-v2.onnx");
        var model = OnnxModelInfo.Read(path);
        var options = new PipelineOptions();
        var preprocessing = ImagePreprocessing.Resolve(options.Preprocessing, model);

        var provenance = RunProvenance.Describe(path, model, preprocessing, options);

        var recorded = provenance.Pipeline.Options.Preprocessing;
        Assert.Equal((1200.0, -700.0), (recorded.WindowWidth, recorded.WindowLevel));
        Assert.Equal((preprocessing.InputHeight, preprocessing.InputWidth, preprocessing.Layout, preprocessing.Channels),
            (recorded.InputHeight, recorded.InputWidth, recorded.Layout, recorded.Channels));
        Assert.Equal(model.Sha256, provenance.Pipeline.ModelSha256);
        Assert.Null(options.Preprocessing.WindowWidth);
        Assert.Same(options.LesionBoxes, provenance.Options.LesionBoxes);
    }
}
