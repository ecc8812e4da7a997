using CovidCt.Data;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Rendering;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>detect</c> produced: the volume's result and the figure of each drawn slice.</summary>
internal sealed record DetectResult(string Input, string Model, int Depth, int ConsecutiveSlices, PatientResult Result, IReadOnlyList<(SliceResult Slice, string Figure)> Drawn);

/// <summary>Runs <c>detect</c>: the pipeline over the volume, and a red-box figure of each chosen slice.</summary>
internal static class DetectHandler
{
    /// <summary>Refuses a slice index outside the volume, or one .png for a whole volume.</summary>
    public static void Check(DetectSettings settings, int depth)
    {
        if (settings.SliceIndex is { } s && (s < 0 || s >= depth)) throw new UsageException($"--slice {s} is outside the volume's {depth} slice(s) (0 to {depth - 1})");
        if (settings.SingleFigure && settings.SliceIndex is null && depth > 1)
        {
            throw new UsageException($"--out {settings.Out} is one PNG but {settings.Input} has {depth} slices; add --slice N or give a folder");
        }
    }

    public static DetectResult Run(DetectSettings settings, PipelineDefinition definition, CtVolume volume)
    {
        // The engine: one volume through the plain facade over the chain's own step objects (the ML.NET chain is for cohorts of slice rows).
        using var pipeline = definition.Build();
        var result = pipeline.Run(Path.GetFileNameWithoutExtension(settings.Input), volume);
        var drawn = new List<(SliceResult Slice, string Figure)>();
        foreach (var r in result.Slices.Where(r => settings.SliceIndex is null || r.Index == settings.SliceIndex))
        {
            var figure = settings.SingleFigure ? settings.Out : Path.Combine(settings.Out, $"slice-{SliceNumbers.FileNumber(r.Index)}.png");
            RedBoxRenderer.Save(figure, volume.Slice(r.Index), volume.Geometry.Width, volume.Geometry.Height, r.Detection.Boxes, options: new RedBoxOptions { LabelProbabilities = true });
            drawn.Add((r, figure));
        }
        return new DetectResult(settings.Input, definition.ModelPath, volume.Geometry.Depth, pipeline.Options.PatientRule.ConsecutiveSlices, result, drawn);
    }
}
