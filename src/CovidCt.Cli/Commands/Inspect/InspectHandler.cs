using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>inspect</c> found: a volume, or a folder of slices of different sizes (exactly one is set).</summary>
/// <param name="Volume">The CT as one series.</param>
/// <param name="Images">A folder of unrelated slices of different sizes.</param>
internal sealed record InspectResult(VolumeSummary? Volume, ImageFolderSummary? Images);

/// <summary>Runs <c>inspect</c>: reads the CT and describes it, with the read window's plausibility for PNG/JPEG slices.</summary>
internal static class InspectHandler
{
    /// <summary>Describes the CT at <paramref name="path"/>, of <paramref name="kind"/>, read with <paramref name="read"/>.</summary>
    public static InspectResult Run(string path, CtSourceKind kind, CtReadOptions read)
    {
        // A folder of slices of different sizes is not a series: describe it as the unrelated images it holds.
        if (kind == CtSourceKind.SliceFolder && SliceImageSizes.Of(path, read.Limits) is var sizes && sizes.Select(s => (s.Width, s.Height)).Distinct().Count() > 1)
        {
            return new InspectResult(null, ImageFolderSummary.Of(path, sizes, read, SliceWindowCheck.Check(path, read.Window ?? StudyProtocol.LungWindow)));
        }
        var summary = VolumeSummary.Of(CtReader.Read(path, read), kind);
        if (kind == CtSourceKind.SliceFolder)
        {
            var check = SliceWindowCheck.Check(path, read.Window ?? StudyProtocol.LungWindow, read.Limits);
            summary = summary with { ReadWindow = check.Window.ToString(), FittedWindow = check.Fit?.BestWindow?.ToString(), WindowProblems = check.Problems };
        }
        return new InspectResult(summary, null);
    }
}
