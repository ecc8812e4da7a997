using System.Text;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.Rendering;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Errors;

namespace CovidCt.Reporting.Files;

/// <summary>A red-box figure of a slice the pipeline got wrong.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="SliceIndex">The 0-based slice index (anatomical order); people read <see cref="SliceNumbers.Number"/> of it.</param>
/// <param name="FalsePositive">True for a box on a slice without lesion, false for a lesion slice without box.</param>
/// <param name="RelativePath">The PNG, relative to the output folder; its name carries the 1-based slice number.</param>
public sealed record ErrorFigure(string PatientId, int SliceIndex, bool FalsePositive, string RelativePath)
{
    /// <summary>"sim-003, slice 7: false positive".</summary>
    public string Caption => $"{PatientId}, {SliceNumbers.Slice(SliceIndex)}: {(FalsePositive ? "false positive" : "false negative")}";
}

/// <summary>
/// Draws every error slice (<see cref="ErrorSlices"/>: red boxes, the truth outline in green) into <c>OUT/figures</c>, named
/// <c>PATIENT-slice007-fp.png</c> by the 1-based slice number. The CLI draws each patient as it finishes, on another thread
/// while the next is scored (<see cref="DrawBehind"/>), so volumes need not be kept; a notebook draws an evaluation afterwards with <see cref="AddAll"/>, which reads only the patients with errors.
/// </summary>
public sealed class ErrorFigures : IDisposable
{
    /// <summary>The figures' folder inside the output folder.</summary>
    public const string FolderName = "figures";

    private readonly string _outFolder;
    private readonly List<ErrorFigure> _figures = [];

    // File-name stem of each patient id drawn so far; ids that sanitise alike ("a/b", "a?b") get distinct stems.
    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);

    /// <summary>Empties <c>OUT/figures</c> of an earlier run's PNGs, so the folder holds only this run's errors.</summary>
    public ErrorFigures(string outFolder)
    {
        _outFolder = outFolder;
        var folder = Path.Combine(outFolder, FolderName);
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.GetFiles(folder, "*.png")) File.Delete(old);
    }

    // The patient drawn on another thread (DrawBehind); done when none is.
    private Task _drawing = Task.CompletedTask;

    /// <summary>
    /// The figures drawn so far, in patient order, each patient's in anatomical order; first waits for the patient
    /// <see cref="DrawBehind"/> is drawing, and throws what drawing it threw.
    /// </summary>
    public IReadOnlyList<ErrorFigure> Figures
    {
        get
        {
            _drawing.GetAwaiter().GetResult();
            return _figures;
        }
    }

    /// <summary>
    /// Draws the error slices of one patient on another thread, once the patient given before it is drawn, and returns at
    /// once: the caller scores the next patient meanwhile (drawing PNGs was about 11% of <c>evaluate</c>'s main thread). One
    /// patient at a time is held for drawing. The figures are those <see cref="Add"/> draws, in the same order; a drawing
    /// error is thrown by the next call or by <see cref="Figures"/>. Not to be mixed with <see cref="Add"/> or called concurrently.
    /// </summary>
    public void DrawBehind(CohortPatient patient, PatientOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(outcome);
        _drawing.GetAwaiter().GetResult();
        _drawing = Task.Run(() => Add(patient, outcome));
    }

    /// <summary>Draws the error slices of one patient while its volume is in memory.</summary>
    public void Add(CohortPatient patient, PatientOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(outcome);
        var volume = patient.Volume;
        var g = volume.Geometry;
        foreach (var error in ErrorSlices.Of(outcome))
        {
            var index = error.Slice.Index;
            var relative = $"{FolderName}/{Stem(patient.Entry.PatientId)}-slice{SliceNumbers.FileNumber(index)}-{(error.FalsePositive ? "fp" : "fn")}.png";
            var mask = patient.Mask is { } m ? m.Slice(index) : default;
            RedBoxRenderer.Save(Path.Combine(_outFolder, relative), volume.Slice(index), g.Width, g.Height, error.Slice.Detection.Boxes, mask, new RedBoxOptions { LabelProbabilities = true });
            _figures.Add(new ErrorFigure(patient.Entry.PatientId, index, error.FalsePositive, relative));
        }
    }

    /// <summary>
    /// Waits for the patient <see cref="DrawBehind"/> is drawing, so that nothing writes into the folder afterwards (a failed
    /// run's folder is deleted); a drawing error is not thrown here, as <see cref="Figures"/> is what a finished run reads.
    /// </summary>
    public void Dispose()
    {
        try
        {
            _drawing.Wait();
        }
        catch (AggregateException)
        {
        }
    }

    private string Stem(string id)
    {
        if (_stems.TryGetValue(id, out var stem)) return stem;
        stem = SafeName(id);
        // A taken stem gets a short hash of the raw id, so the name stays readable and the same id always maps alike.
        if (_stems.ContainsValue(stem))
        {
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id));
            stem = $"{stem}-{Convert.ToHexStringLower(hash)[..8]}";
        }
        _stems[id] = stem;
        return stem;
    }

    /// <summary>Draws the error slices of a finished evaluation, reading from <paramref name="manifest"/> only the patients that have one.</summary>
    /// <exception cref="ArgumentException">A patient with errors is not in the manifest.</exception>
    public void AddAll(PipelineEvaluation evaluation, CohortManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(manifest);
        foreach (var outcome in evaluation.Patients.Where(p => ErrorSlices.Of(p).Count > 0))
        {
            var entry = manifest.Entries.FirstOrDefault(e => e.PatientId == outcome.Result.PatientId)
                ?? throw new ArgumentException($"patient '{outcome.Result.PatientId}' is not in {manifest.Path}", nameof(manifest));
            Add(CohortReader.Read(entry), outcome);
        }
    }

    /// <summary>Patient ids are free text in a manifest; file names keep letters, digits, '-', '_' and '.', nothing else.</summary>
    public static string SafeName(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var name = new StringBuilder(id.Length);
        foreach (var ch in id) name.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_');
        return name.ToString();
    }
}
