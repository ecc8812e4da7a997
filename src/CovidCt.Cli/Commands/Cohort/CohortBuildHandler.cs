using System.Diagnostics;
using CovidCt.Data.Synthesis;

namespace CovidCt.Cli.Commands;

/// <summary>Runs <c>cohort build</c>: the builder, a progress line per patient as it is written, then the summary.</summary>
internal static class CohortBuildHandler
{
    public static void Run(CohortBuildSettings settings, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        CohortBuildConsole.Start(output, settings);
        var result = CohortBuilder.Build(settings.Spec, settings.OutFolder, settings.Options, patient => CohortBuildConsole.Patient(output, patient, clock.Elapsed));
        CohortBuildConsole.Done(output, result, clock.Elapsed);
    }
}
