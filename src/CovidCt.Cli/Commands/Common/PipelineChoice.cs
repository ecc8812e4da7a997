using System.CommandLine;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The <c>--pipeline pipeline.json</c> option of evaluate, compare and detect, <c>--output-activation</c>, <c>--image-score</c> and <c>--framing</c>, and
/// what a command runs: that definition, or <c>--model</c> (else the shipped model) with the study's options and those given.
/// </summary>
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

    public const string MaxPixel = "max_pixel";

    public const string MaxBox = "max_box";

    public static Option<string?> ImageScoreOption() => new Option<string?>("--image-score")
    {
        Description = $"What ranks the slices in the per-image ROC: {MaxPixel} (the highest lesion probability inside the valid area, the default) "
            + $"or {MaxBox} (the highest probability inside a red box, 0 without one). The image decision (any box) is the same with both.",
    }.AcceptOnlyFromAmong(MaxPixel, MaxBox);

    public static Option<string?> FramingOption() => new Option<string?>("--framing")
    {
        Description = "What of each slice the model sees: body (the default: the patient framed on its body, so any border or crop gives the same input) "
            + "or image (the whole slice, for a model trained on whole slices).",
    }.AcceptOnlyFromAmong("body", "image");

    /// <summary>
    /// The definition to run and the note about the model choice (null when none); <paramref name="options"/> (from options
    /// such as --valid-area, null for the study's) go with --model only, since a pipeline.json states every option itself.
    /// <paramref name="activation"/> (--output-activation), <paramref name="imageScore"/> (--image-score) and <paramref name="framing"/> (--framing) likewise.
    /// </summary>
    public static (PipelineDefinition Definition, string? Note) Resolve(FileInfo? pipeline, FileInfo? model, PipelineOptions? options = null, string? activation = null,
        string? imageScore = null, string? framing = null)
    {
        if (pipeline is not null && model is not null) throw new UsageException("--pipeline names its own model; give --pipeline or --model, not both");
        if (pipeline is not null && options is not null)
        {
            throw new UsageException($"--pipeline states its own valid area (valid_area in {pipeline.Name}); give --valid-area with --model, or edit the file");
        }
        if (pipeline is not null && activation is not null) throw new UsageException("--pipeline states its own scoring options; set scoring.output_activation in it instead of --output-activation");
        if (pipeline is not null && imageScore is not null)
        {
            throw new UsageException($"--pipeline states its own image score; set lesion_boxes.image_score in {pipeline.Name} instead of --image-score");
        }
        if (pipeline is not null && framing is not null)
        {
            throw new UsageException($"--pipeline states its own framing; set preprocessing.framing in {pipeline.Name} instead of --framing");
        }
        if (pipeline is not null)
        {
            var definition = PipelineDefinition.Load(pipeline.FullName);
            definition.VerifyModel();
            return (definition, null);
        }
        var choice = ModelFiles.Choose(model);
        return (PipelineDefinition.Create(choice.Path, Apply(options, activation, imageScore, framing) ?? new PipelineOptions()), choice.Note);
    }

    /// <summary>
    /// <paramref name="options"/> (null for the study's) with --output-activation, --image-score and --framing applied; null when none
    /// of them was given, so the study's options apply.
    /// </summary>
    public static PipelineOptions? Apply(PipelineOptions? options, string? activation, string? imageScore, string? framing)
    {
        if (options is null && activation is null && imageScore is null && framing is null) return null;
        options ??= new PipelineOptions();
        if (activation is not null) options.Scoring.OutputActivation = activation == "sigmoid" ? OutputActivation.Sigmoid : OutputActivation.None;
        if (imageScore is not null) options.LesionBoxes.ImageScore = imageScore == MaxBox ? ImageScore.MaxBox : ImageScore.MaxPixel;
        if (framing is not null) options.Preprocessing.Framing = framing == "image" ? SliceFraming.Image : SliceFraming.Body;
        return options;
    }
}
