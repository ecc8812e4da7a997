using CovidCt.Cli.Output;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Runs;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Runs <c>compare</c>: each model over the cohort, then the one comparison (Reporting's <see cref="ModelComparison"/>). With
/// --tune-on each model is first tuned on its split (<see cref="CompareTuner"/>) and then runs at its own chosen point.
/// </summary>
internal static class CompareHandler
{
    /// <summary>Runs every model and compares them; progress goes to <paramref name="log"/>.</summary>
    public static CompareRun Run(CompareSettings settings, TextWriter log)
    {
        var progress = RunProgress.For(log, settings.Quiet);
        var names = ModelRun.NamesOf(settings.Pipelines.Select(p => p.ModelPath).ToArray());
        // The memory warning of each model's scorer is said before it scores (a run it warns about may be killed hours later),
        // and once: two models on one machine get the same warnings word for word.
        var said = new HashSet<string>(StringComparer.Ordinal);
        void Say(string warning)
        {
            if (said.Add(warning)) log.WriteLine($"Warning: {warning}");
        }
        var tuned = settings.Tuning is { } tuning ? CompareTuner.Tune(settings, tuning, names, progress, Say) : null;
        var pipelines = tuned?.Select(t => t.Definition).ToArray() ?? settings.Pipelines;
        // Each case's framing is checked on the volume each model's run reads anyway (FramingWarnings.Of), not read once more.
        var framing = new List<string>();
        var runs = pipelines.Select((definition, i) =>
        {
            // Lesions are matched while each patient's mask is in memory, as evaluate matches them: the paired JAFROC comparison needs them.
            var lesions = new LesionTally();
            var run = ModelEvaluation.Run(definition, settings.Manifest, settings.Split, settings.CacheRoot, settings.Method, settings.Level, progress, (patient, outcome) =>
            {
                lesions.Add(patient, outcome);
                if (FramingWarnings.Of(patient, definition.Options.Preprocessing.Framing) is { } fallback) framing.Add(fallback);
            }, Say);
            return run with { Name = names[i], Lesions = lesions.Evaluate(settings.Method, settings.Level) };
        }).ToArray();
        // After the progress and before any number; once each: two models on one machine get the same warnings word for word.
        // With --tune-on the tuning split's reads count too: each operating point was chosen on them (the sweep engine keeps them).
        var chosenOn = tuned?.SelectMany(t => t.Model.Tuned.Tuning.Warnings) ?? [];
        foreach (var warning in chosenOn.Concat(framing).Concat(runs.SelectMany(r => r.Warnings))) Say(warning);
        var comparison = ModelComparison.Compute(runs, settings.Level, settings.PartialAucMinimumSpecificity);
        // Written once everything ran, so a failed comparison never leaves new pipeline.json files behind.
        return new CompareRun(comparison, tuned is null ? null : CompareTuner.Write(settings.Tuning!.OutFolder, tuned));
    }
}

/// <summary>What one compare command produced.</summary>
/// <param name="Comparison">The models compared (on the report split with --tune-on).</param>
/// <param name="Tuned">With --tune-on, each model's chosen operating point and where it was written; otherwise null.</param>
internal sealed record CompareRun(ModelComparison Comparison, IReadOnlyList<TunedModel>? Tuned);
