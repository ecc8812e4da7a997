namespace CovidCt.Reporting.Readers;

/// <summary>
/// A fully crossed reader study: every reader read every case in every modality. Grids are indexed
/// [modality, reader] and hold one value per case, in the order of <see cref="Cases"/>.
/// </summary>
public sealed class ReaderStudy
{
    internal ReaderStudy(string file, IReadOnlyList<string> readers, IReadOnlyList<string> cases, IReadOnlyList<string> modalities,
        IReadOnlyList<bool> truth, IReadOnlyList<double>[,] scores, IReadOnlyList<bool>[,]? decisions, IReadOnlyList<double>[,]? readingTimes)
    {
        File = file;
        Readers = readers;
        Cases = cases;
        Modalities = modalities;
        Truth = truth;
        Scores = scores;
        Decisions = decisions;
        ReadingTimes = readingTimes;
    }

    /// <summary>The file the study was read from.</summary>
    public string File { get; }

    /// <summary>Readers, in order of first appearance.</summary>
    public IReadOnlyList<string> Readers { get; }

    /// <summary>Cases, in order of first appearance.</summary>
    public IReadOnlyList<string> Cases { get; }

    /// <summary>Modalities (reading conditions), in order of first appearance.</summary>
    public IReadOnlyList<string> Modalities { get; }

    /// <summary>Per case: true when diseased.</summary>
    public IReadOnlyList<bool> Truth { get; }

    /// <summary>Scores [modality, reader] (higher = more likely diseased; a rating scale counts as a score).</summary>
    public IReadOnlyList<double>[,] Scores { get; }

    /// <summary>Positive/negative decisions [modality, reader], or null when the file has no <c>decision</c> column.</summary>
    public IReadOnlyList<bool>[,]? Decisions { get; }

    /// <summary>Reading times [modality, reader] in the file's unit, or null when the file has no <c>reading_time</c> column.</summary>
    public IReadOnlyList<double>[,]? ReadingTimes { get; }
}
