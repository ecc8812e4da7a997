using CovidCt.Cli.Output;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Runs;

namespace CovidCt.Cli.Commands;

/// <summary>Runs <c>compare</c>: each model over the cohort, then the one comparison (Reporting's <see cref="ModelComparison"/>).</summary>
internal static class CompareHandler
{
    /// <summary>Runs every model and compares them; progress goes to <paramref name="log"/>.</summary>
    public static ModelComparison Run(CompareSettings settings, TextWriter log)
    {
        FramingWarnings.Check(settings.Manifest, [settings.Split], settings.Pipelines.Select(p => p.Options.Preprocessing.Framing), log);
        var progress = RunProgress.For(log, settings.Quiet);
        var names = ModelRun.NamesOf(settings.Pipelines.Select(p => p.ModelPath).ToArray());
        var runs = settings.Pipelines.Select((definition, i) => ModelEvaluation.Run(definition, settings.Manifest, settings.Split, settings.CacheRoot, settings.Method, settings.Level, progress)
            with { Name = names[i] }).ToArray();
        return ModelComparison.Compute(runs, settings.Level);
    }
}
