using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>cohort scan</c> wrote.</summary>
/// <param name="Manifest">The manifest written.</param>
/// <param name="LabelsPath">The labels CSV it was matched with.</param>
/// <param name="Entries">Its rows.</param>
internal sealed record CohortScanResult(string Manifest, string LabelsPath, IReadOnlyList<CohortEntry> Entries);

/// <summary>Runs <c>cohort scan</c>: matches the series under the folder with the labels (<see cref="CohortScan"/>) and writes the manifest only when every row and series matched.</summary>
internal static class CohortScanHandler
{
    /// <exception cref="InvalidInputException">When the folder does not exist.</exception>
    /// <exception cref="CohortValidationException">Listing every unlabeled, missing or duplicate series.</exception>
    public static CohortScanResult Run(string root, string labelsPath, string manifest)
    {
        if (!Directory.Exists(root)) throw new InvalidInputException(root, "no such folder; expected a folder tree of DICOM series");
        var entries = CohortScan.Match(root, labelsPath, Path.GetDirectoryName(manifest)!);
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
        CohortManifest.Write(manifest, entries);
        return new CohortScanResult(manifest, labelsPath, entries);
    }
}
