using System.CommandLine;

namespace CovidCt.Cli.Commands;

/// <summary>The <c>covidct cohort</c> group: <c>check</c> and <c>scan</c> here, further subcommands (such as <c>build</c>) passed in by other areas.</summary>
internal static class CohortCommands
{
    public static Command Create(TextWriter output, params Command[] more)
    {
        var group = new Command("cohort", "Cohort manifests (patient_id,label,images,masks,split) and simulated cohorts.") { CohortCheckCommand.Create(output), CohortScanCommand.Create(output) };
        foreach (var command in more) group.Subcommands.Add(command);
        return group;
    }
}
