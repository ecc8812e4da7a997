using System.CommandLine;
using CovidCt.Reporting.Readers;

namespace CovidCt.Cli.Commands;

/// <summary>The <c>covidct readers</c> group: reader studies (MRMC AUC analysis, agreement, reading times).</summary>
internal static class ReadersCommands
{
    public static Command Create(TextWriter output) => new("readers", "Reader studies: multi-reader multi-case AUC analysis, agreement between readers, reading times.")
    {
        Analyse(output),
    };

    private static Command Analyse(TextWriter output)
    {
        var file = new Argument<string>("file") { Description = "Reader-study CSV: reader,case,modality,truth,score[,decision][,reading_time] (docs/metrics.md)." };
        var reference = new Option<string?>("--reference") { Description = "The modality the others are compared with for reading times (default: the first modality in the file)." };
        var level = MetricsOptions.Level();
        var json = MetricsOptions.Json();
        var command = new Command("analyse", "Obuchowski–Rockette MRMC analysis of AUCs with Hillis's degrees of freedom, Cohen's and Fleiss' kappa, and the ratio of geometric mean reading times.")
        {
            file, reference, level, json,
        };
        command.SetAction(parse =>
        {
            var lvl = MetricsOptions.CheckedLevel(parse.GetValue(level));
            var study = ReaderStudyFile.Read(parse.GetValue(file)!);
            var baseline = parse.GetValue(reference);
            if (baseline is not null && !study.Modalities.Contains(baseline, StringComparer.Ordinal))
            {
                throw new UsageException($"--reference '{baseline}' is not a modality of {study.File}; it has {string.Join(", ", study.Modalities)}");
            }
            var report = ReaderStudyAnalysis.Analyse(study, baseline, lvl);
            if (parse.GetValue(json)) ReadersJson.Write(output, report);
            else ReadersText.Write(output, report);
            return CliApp.Success;
        });
        return command;
    }
}
