using System.Text;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.Rendering;

namespace CovidCt.Cli.Reporting;

/// <summary>A red-box figure of a slice the pipeline got wrong.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Slice">Slice index (anatomical order).</param>
/// <param name="FalsePositive">True for a box on a slice without lesion, false for a lesion slice without box.</param>
/// <param name="RelativePath">The PNG, relative to the output folder.</param>
internal sealed record ErrorFigure(string PatientId, int Slice, bool FalsePositive, string RelativePath);

/// <summary>
/// Draws every false-positive and false-negative slice (red boxes, the truth outline in green) as each patient finishes,
/// so volumes need not be kept. Slices of unknown truth are never drawn: they are neither.
/// </summary>
internal sealed class ErrorFigures
{
    public const string FolderName = "figures";
    private readonly string _outFolder;
    private readonly List<ErrorFigure> _figures = [];

    /// <summary>Empties <c>OUT/figures</c> of an earlier run's PNGs, so the folder holds only this run's errors.</summary>
    public ErrorFigures(string outFolder)
    {
        _outFolder = outFolder;
        var folder = Path.Combine(outFolder, FolderName);
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.GetFiles(folder, "*.png")) File.Delete(old);
    }

    public IReadOnlyList<ErrorFigure> Figures => _figures;

    public void Add(CohortPatient patient, PatientOutcome outcome)
    {
        var volume = patient.Volume;
        var g = volume.Geometry;
        foreach (var slice in outcome.Result.Slices)
        {
            if (outcome.SliceTruth[slice.Index] is not { } truth || truth == slice.Detection.IsPositive) continue;
            var falsePositive = slice.Detection.IsPositive;
            var relative = $"{FolderName}/{SafeName(patient.Entry.PatientId)}-slice{slice.Index:000}-{(falsePositive ? "fp" : "fn")}.png";
            var mask = patient.Mask is { } m ? m.Slice(slice.Index) : default;
            RedBoxRenderer.Save(Path.Combine(_outFolder, relative), volume.Slice(slice.Index), g.Width, g.Height, slice.Detection.Boxes, mask, new RedBoxOptions { LabelProbabilities = true });
            _figures.Add(new ErrorFigure(patient.Entry.PatientId, slice.Index, falsePositive, relative));
        }
    }

    // Patient ids are free text in a manifest; file names keep letters, digits, '-', '_' and '.', nothing else.
    public static string SafeName(string id)
    {
        var name = new StringBuilder(id.Length);
        foreach (var ch in id) name.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_');
        return name.ToString();
    }
}
