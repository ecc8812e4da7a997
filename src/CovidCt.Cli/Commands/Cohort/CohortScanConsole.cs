using CovidCt.Data.Cohorts;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>cohort scan</c> prints: what matched, the manifest, and the check to run next.</summary>
internal static class CohortScanConsole
{
    public static void Write(TextWriter output, CohortScanResult result)
    {
        var entries = result.Entries;
        var covid = entries.Count(e => e.Label == PatientLabel.Covid);
        output.WriteLine($"Matched {entries.Count} series with {Path.GetFileName(result.LabelsPath)} ({covid} covid, {entries.Count - covid} control); {entries.Count(e => e.Masks is not null)} with masks.");
        output.WriteLine($"Manifest: {result.Manifest}");
        output.WriteLine($"Next: covidct cohort check {result.Manifest}");
    }
}
