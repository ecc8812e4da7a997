using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Scoring;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Tests;

public sealed class RunProvenanceTests
{
    [Fact]
    public void The_recorded_definition_holds_what_the_model_resolved_and_leaves_the_options_alone()
    {
        var path = Repository.File("models", "unetpp-v2.onnx");
        var options = new PipelineOptions();
        var definition = PipelineDefinition.Create(path, options);
        using var scoring = new LesionScoring(path, options.Preprocessing, options.Scoring);

        var provenance = RunProvenance.Describe(definition, scoring);

        var resolved = provenance.Pipeline.Resolved!;
        Assert.Equal((1200.0, -700.0), (resolved.WindowWidth, resolved.WindowLevel));
        Assert.Equal((scoring.Preprocessing.InputHeight, scoring.Preprocessing.InputWidth, scoring.Preprocessing.Layout, scoring.Preprocessing.Channels),
            (resolved.InputHeight, resolved.InputWidth, resolved.Layout, resolved.Channels));
        Assert.Equal(scoring.Scorer.OutputNames, resolved.Outputs);
        Assert.Equal(scoring.Scorer.Model.Sha256, provenance.Pipeline.ModelSha256);
        Assert.Equal(path, provenance.ModelPath);
        // The options stay as given: a null window still means "from the model" when the definition is run again.
        Assert.Null(provenance.Options.Preprocessing.WindowWidth);
        Assert.Same(options.LesionBoxes, provenance.Options.LesionBoxes);
        Assert.Equal("unetpp", provenance.Architecture);
    }
}
