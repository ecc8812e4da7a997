using System.Globalization;
using CovidCt.Data.Synthesis;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>cohort build</c> prints: the cohort being built, one line per patient written, and the counts with the manifest's path.</summary>
internal static class CohortBuildConsole
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Start(TextWriter output, CohortBuildSettings settings) =>
        output.WriteLine(string.Create(C, $"Building cohort '{settings.Spec.Name}' (seed {settings.Spec.Seed}) into {settings.OutFolder}"));

    public static void Patient(TextWriter output, CohortCardPatient p, TimeSpan elapsed) =>
        output.WriteLine(string.Create(C, $"  {p.PatientId}  {p.Label,-7}  {p.Split,-5}  {p.Slices,3} {Plural.Noun(p.Slices, "slice"),-6}  {p.SliceThicknessMm:0.00} mm  lesions {p.LesionVolumeMl,7:0.0} ml  {elapsed.TotalSeconds,6:0.0} s"));

    public static void Done(TextWriter output, CohortBuildResult result, TimeSpan elapsed)
    {
        foreach (var assumption in result.Assumptions) output.WriteLine($"Warning: {assumption.Warning}; the cohort's NIfTI files state this geometry as if it were known");
        var covid = result.Patients.Count(p => p.Label == "covid");
        output.WriteLine(string.Create(C, $"{Plural.Count(result.Patients.Count, "patient")} ({covid} covid, {result.Patients.Count - covid} control) in {elapsed.TotalSeconds:0.0} s"));
        output.WriteLine($"Manifest: {result.Manifest}");
    }
}
