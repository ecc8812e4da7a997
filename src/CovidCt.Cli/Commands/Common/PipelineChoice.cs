using System.CommandLine;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Cli.Commands;

/// <summary>The <c>--pipeline pipeline.json</c> option of evaluate, compare and detect, and what a command runs: that definition, or <c>--model</c> (else the shipped model) with the study's options.</summary>
internal static class PipelineChoice
{
    public const string FileName = "pipeline.json";

    public static Option<FileInfo?> Option() => new("--pipeline")
    {
        Description = $"A {FileName} (written by 'covidct sweep', or PipelineDefinition.Save): run exactly that definition, its model (SHA-256 checked) and every option, instead of --model with the study's options.",
    };

    public static Option<string?> ActivationOption() => new Option<string?>("--output-activation")
    {
        Description = "What turns the model's output into probabilities: sigmoid for a model that outputs logits, none when it outputs probabilities. Default: the model's covidct.output_activation metadata, else none.",
    }.AcceptOnlyFromAmong("sigmoid", "none");

    /// <summary>
    /// The definition to run and the note about the model choice (null when none); <paramref name="options"/> (from options
    /// such as --valid-area, null for the study's) go with --model only, since a pipeline.json states every option itself. <paramref name="activation"/> (--output-activation) likewise.
    /// </summary>
    public static (PipelineDefinition Definition, string? Note) Resolve(FileInfo? pipeline, FileInfo? model, PipelineOptions? options = null, string? activation = null)
    {
        if (pipeline is not null && model is not null) throw new UsageException("--pipeline names its own model; give --pipeline or --model, not both");
        if (pipeline is not null && options is not null)
        {
            throw new UsageException($"--pipeline states its own valid area (valid_area in {pipeline.Name}); give --valid-area with --model, or edit the file");
        }
        if (pipeline is not null && activation is not null) throw new UsageException("--pipeline states its own scoring options; set scoring.output_activation in it instead of --output-activation");
        if (pipeline is not null)
        {
            var definition = PipelineDefinition.Load(pipeline.FullName);
            definition.VerifyModel();
            return (definition, null);
        }
        var choice = ModelFiles.Choose(model);
        options ??= new PipelineOptions();
        if (activation is not null) options.Scoring.OutputActivation = activation == "sigmoid" ? OutputActivation.Sigmoid : OutputActivation.None;
        return (PipelineDefinition.Create(choice.Path, options), choice.Note);
    }
}
