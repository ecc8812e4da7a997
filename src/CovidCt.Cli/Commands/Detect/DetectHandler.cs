using CovidCt.Cli.Output;
using CovidCt.Data;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Rendering;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>detect</c> produced: the volume's result and the figure of each drawn slice.</summary>
/// <param name="Input">The CT's full path.</param>
/// <param name="Model">The lesion model file.</param>
/// <param name="Depth">Slices in the volume.</param>
/// <param name="ConsecutiveSlices">k of the patient rule.</param>
/// <param name="Result">The pipeline's result over the volume.</param>
/// <param name="Drawn">Each drawn slice and its figure.</param>
/// <param name="Warnings">What the console said before any number: geometry the files did not state, then the scoring plan's memory.</param>
internal sealed record DetectResult(string Input, string Model, int Depth, int ConsecutiveSlices, PatientResult Result, IReadOnlyList<(SliceResult Slice, string Figure)> Drawn,
    IReadOnlyList<string> Warnings);

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

    /// <summary>Runs the pipeline and draws the figures; the warnings go to <paramref name="log"/> before the volume is scored.</summary>
    public static DetectResult Run(DetectSettings settings, PipelineDefinition definition, CtVolume volume, TextWriter log)
    {
        // The engine: one volume through the plain facade over the chain's own step objects (the ML.NET chain is for cohorts of slice rows).
        using var pipeline = definition.Build();
        string?[] budget = [pipeline.Scorer.BudgetWarning];
        string[] warnings = [.. volume.Assumptions.Select(a => a.Warning), .. budget.OfType<string>()];
        foreach (var warning in warnings) log.WriteLine($"Warning: {warning}");
        var result = pipeline.Run(Path.GetFileNameWithoutExtension(settings.Input), volume);
        var chosen = result.Slices.Where(r => settings.SliceIndex is null || r.Index == settings.SliceIndex).ToList();
        var options = new RedBoxOptions { LabelProbabilities = true };
        void Draw(SliceResult r, string path) =>
            RedBoxRenderer.Save(path, volume.Slice(r.Index), volume.Geometry.Width, volume.Geometry.Height, r.Detection.Boxes, options: options);
        static string Name(SliceResult r) => $"slice-{SliceNumbers.FileNumber(r.Index)}.png";
        List<(SliceResult Slice, string Figure)> drawn;
        if (settings.SingleFigure)
        {
            foreach (var r in chosen) Draw(r, settings.Out);
            drawn = chosen.Select(r => (r, settings.Out)).ToList();
        }
        else
        {
            // A folder of figures is replaced as a whole: no slice of an earlier, longer volume stays behind, and a killed run changes nothing.
            RunFolder.Replace(settings.Out, staging =>
            {
                foreach (var r in chosen) Draw(r, Path.Combine(staging, Name(r)));
                return chosen.Count;
            });
            drawn = chosen.Select(r => (r, Path.Combine(settings.Out, Name(r)))).ToList();
        }
        return new DetectResult(settings.Input, definition.ModelPath, volume.Geometry.Depth, pipeline.Options.PatientRule.ConsecutiveSlices, result, drawn, warnings);
    }
}
