using System.CommandLine;
using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>--valid-area hu|model|none</c> and <c>--valid-area-model FILE</c>: which valid-area step (step 4) a run uses. The choice
/// is written into the pipeline's options, so pipeline.json and the run's provenance record it.
/// </summary>
internal sealed class ValidAreaChoice
{
    public Option<string?> Kind { get; } = new Option<string?>("--valid-area")
    {
        Description = "Where lesions are looked for: hu (lung fields segmented on HU, the default), model (a lung-segmentation ONNX model, --valid-area-model), "
            + "or none (the whole image: for slices the HU segmentation cannot read, such as crops whose lungs are filled by lesions).",
    }.AcceptOnlyFromAmong("hu", "model", "none");

    public Option<FileInfo?> Model { get; } = new("--valid-area-model") { Description = "The lung-segmentation ONNX model of --valid-area model (the study's first UNet++)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Kind);
        command.Options.Add(Model);
    }

    /// <summary>The pipeline options with the valid area chosen, or null when neither option was given (the study's defaults apply).</summary>
    /// <exception cref="UsageException">When --valid-area-model comes without --valid-area model, or model without a file.</exception>
    public PipelineOptions? Options(ParseResult parse)
    {
        var (kind, model) = (parse.GetValue(Kind), parse.GetValue(Model));
        if (model is not null && kind != "model") throw new UsageException("--valid-area-model is the model of --valid-area model; add --valid-area model or drop --valid-area-model");
        if (kind is null) return null;
        var options = new PipelineOptions();
        switch (kind)
        {
            case "none":
                options.ValidArea.Region = ValidAreaRegion.WholeImage;
                break;
            case "model":
                options.ValidArea.SegmentationModelPath = model?.FullName
                    ?? throw new UsageException("--valid-area model needs the lung-segmentation model: --valid-area-model FILE.onnx");
                break;
        }
        return options;
    }
}
