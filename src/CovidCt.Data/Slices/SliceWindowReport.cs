using CovidCt.Imaging;

namespace CovidCt.Data.Slices;

/// <summary>What the slices of one PNG/JPEG source say about the window they are read with.</summary>
/// <param name="Source">The folder or file checked.</param>
/// <param name="Window">The window the slices are read with.</param>
/// <param name="Fit">Air and soft tissue found in the slices' gray histogram; null when too few unclipped pixels to find them.</param>
/// <param name="Problems">Why the window is implausible (see <see cref="WindowFit.ProblemsWith"/>); empty when it fits or no fit was possible.</param>
public sealed record SliceWindowReport(string Source, HounsfieldWindow Window, WindowFit? Fit, IReadOnlyList<string> Problems)
{
    /// <summary>True when the slices do not look like CT read with <see cref="Window"/>.</summary>
    public bool IsImplausible => Problems.Count > 0;

    /// <summary>One line for a person: the problems and the window that fits the slices best, when one can be read from them.</summary>
    public string Describe()
    {
        var best = Fit?.BestWindow is { } fitted ? $"; the slices fit {fitted} best" : "";
        return IsImplausible
            ? $"{Source}: read at {Window}, {string.Join("; ", Problems)}{best}. State the window the slices were exported with (--window WIDTH/LEVEL, or the manifest's window column)."
            : $"{Source}: {Window} is plausible{best}.";
    }
}
