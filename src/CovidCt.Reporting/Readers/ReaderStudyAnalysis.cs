using System.Globalization;
using CovidCt.Metrics;

namespace CovidCt.Reporting.Readers;

/// <summary>Agreement between the readers of one modality.</summary>
/// <param name="Modality">The modality.</param>
/// <param name="Fleiss">Fleiss' kappa over all readers.</param>
/// <param name="Pairs">Cohen's kappa of every pair of readers, in reader order.</param>
public sealed record ModalityAgreement(string Modality, KappaResult Fleiss, IReadOnlyList<(string First, string Second, KappaResult Kappa)> Pairs);

/// <summary>
/// Everything <c>covidct readers analyse</c> reports on a <see cref="ReaderStudy"/>. A part that cannot be computed
/// is null with its reason beside it, never left out silently.
/// </summary>
/// <param name="Study">The study.</param>
/// <param name="Level">Confidence level.</param>
/// <param name="Mrmc">The Obuchowski–Rockette analysis of AUCs, or null.</param>
/// <param name="MrmcUndefinedReason">Why <paramref name="Mrmc"/> is null.</param>
/// <param name="AgreementOn">What kappa is computed on: <c>decision</c> or <c>score</c> (integer ratings as categories); null when neither fits.</param>
/// <param name="Agreement">Per modality, or empty.</param>
/// <param name="AgreementUndefinedReason">Why <paramref name="Agreement"/> is empty.</param>
/// <param name="Reference">The reference modality of the reading-time ratios.</param>
/// <param name="ReadingTimes">Each other modality against <paramref name="Reference"/>, or empty.</param>
/// <param name="ReadingTimesUndefinedReason">Why <paramref name="ReadingTimes"/> is empty.</param>
public sealed record ReaderStudyReport(
    ReaderStudy Study, double Level, MrmcResult? Mrmc, string? MrmcUndefinedReason,
    string? AgreementOn, IReadOnlyList<ModalityAgreement> Agreement, string? AgreementUndefinedReason,
    string Reference, IReadOnlyList<ReadingTimeResult> ReadingTimes, string? ReadingTimesUndefinedReason);

/// <summary>Runs the MRMC analysis, the agreement statistics and the reading-time ratios on a reader study.</summary>
public static class ReaderStudyAnalysis
{
    /// <summary>Analyses <paramref name="study"/>; <paramref name="reference"/> (default: the first modality in the file) is the baseline of the reading-time ratios.</summary>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is not a modality of the study.</exception>
    public static ReaderStudyReport Analyse(ReaderStudy study, string? reference = null, double level = 0.95)
    {
        var baseline = reference ?? study.Modalities[0];
        var referenceIndex = IndexOf(study.Modalities, baseline)
            ?? throw new ArgumentException($"'{baseline}' is not a modality of {study.File}; it has {string.Join(", ", study.Modalities)}", nameof(reference));
        var mrmcReason = ObuchowskiRockette.WhyUndefined(study.Readers.Count, study.Truth);
        var mrmc = mrmcReason is null ? ObuchowskiRockette.Analyse(study.Modalities, study.Readers, study.Scores, study.Truth, level) : null;
        var (on, agreement, agreementReason) = Agreements(study, level);
        var (times, timesReason) = ReadingTimes(study, referenceIndex, level);
        return new ReaderStudyReport(study, level, mrmc, mrmcReason, on, agreement, agreementReason, baseline, times, timesReason);
    }

    private static int? IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++) if (names[i] == name) return i;
        return null;
    }

    private static (string? On, IReadOnlyList<ModalityAgreement> Agreement, string? Reason) Agreements(ReaderStudy study, double level)
    {
        if (study.Readers.Count < 2) return (null, [], "one reader: agreement needs at least two readers");
        Func<int, int, IReadOnlyList<string>> ratings;
        string on;
        if (study.Decisions is { } decisions)
        {
            ratings = (i, j) => decisions[i, j].Select(d => d ? "1" : "0").ToArray();
            on = "decision";
        }
        else if (AllIntegers(study.Scores))
        {
            ratings = (i, j) => study.Scores[i, j].Select(s => s.ToString("R", CultureInfo.InvariantCulture)).ToArray();
            on = "score";
        }
        else
        {
            return (null, [], "the scores are not whole-number ratings and there is no decision column; kappa needs categories");
        }
        var result = new List<ModalityAgreement>();
        for (var i = 0; i < study.Modalities.Count; i++)
        {
            var byReader = Enumerable.Range(0, study.Readers.Count).Select(j => ratings(i, j)).ToArray();
            var perCase = Enumerable.Range(0, study.Cases.Count)
                .Select(k => (IReadOnlyList<string>)byReader.Select(r => r[k]).ToArray()).ToArray();
            var pairs = new List<(string, string, KappaResult)>();
            for (var a = 0; a < byReader.Length; a++)
            {
                for (var b = a + 1; b < byReader.Length; b++) pairs.Add((study.Readers[a], study.Readers[b], Agreement.Cohen(byReader[a], byReader[b], level)));
            }
            result.Add(new ModalityAgreement(study.Modalities[i], Agreement.Fleiss(perCase, level), pairs));
        }
        return (on, result, null);
    }

    private static bool AllIntegers(IReadOnlyList<double>[,] scores)
    {
        foreach (var list in scores)
        {
            if (list.Any(s => s != Math.Round(s))) return false;
        }
        return true;
    }

    private static (IReadOnlyList<ReadingTimeResult> Results, string? Reason) ReadingTimes(ReaderStudy study, int reference, double level)
    {
        if (study.ReadingTimes is not { } times) return ([], "the file has no reading_time column");
        if (study.Modalities.Count < 2) return ([], "one modality: there is nothing to compare the reading times with");
        if (study.Cases.Count < 2) return ([], "one case: the interval needs at least two cases");
        IReadOnlyList<IReadOnlyList<double>> Grid(int i) => Enumerable.Range(0, study.Readers.Count).Select(j => times[i, j]).ToArray();
        var results = Enumerable.Range(0, study.Modalities.Count).Where(i => i != reference)
            .Select(i => ReadingTimeRatio.Compute(study.Modalities[reference], Grid(reference), study.Modalities[i], Grid(i), level))
            .ToList();
        return (results, null);
    }
}
