using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Comparisons;

/// <summary>
/// Several models evaluated on the same cohort, compared pair by pair on the same patients and the same slices: McNemar's
/// exact test for sensitivity and for specificity separately with Newcombe's paired differences, the paired DeLong test of
/// the AUCs, net reclassification and integrated discrimination (<see cref="PairedReclassification"/>) and, when asked for, the
/// partial AUC difference (<see cref="PairedPartialAuc"/>), per patient and per image; per image also clustered by patient
/// (<see cref="ClusteredPairedTest"/>); and at the lesion level the paired JAFROC comparison (<see cref="PairedLesionTest"/>).
/// <c>covidct compare</c> and notebook 03 both show this one comparison.
/// </summary>
public sealed class ModelComparison
{
    private ModelComparison(IReadOnlyList<ModelRun> models, IReadOnlyList<PairedModelTest> tests, IReadOnlyList<PairedLesionTest> lesionTests,
        IReadOnlyList<string> disagreeingPatients)
    {
        Models = models;
        Tests = tests;
        LesionTests = lesionTests;
        DisagreeingPatients = disagreeingPatients;
    }

    /// <summary>The models, in the order given.</summary>
    public IReadOnlyList<ModelRun> Models { get; }

    /// <summary>Every pair (A before B in <see cref="Models"/> order), per patient first, then per image.</summary>
    public IReadOnlyList<PairedModelTest> Tests { get; }

    /// <summary>Every pair (A before B in <see cref="Models"/> order) at the lesion level: the paired wAFROC comparison, or why it is absent.</summary>
    public IReadOnlyList<PairedLesionTest> LesionTests { get; }

    /// <summary>Patients (in the first model's order) whose patient decision is not the same under every model.</summary>
    public IReadOnlyList<string> DisagreeingPatients { get; }

    /// <summary>The test of <paramref name="modelA"/> against <paramref name="modelB"/> at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentException">No such pair (the names are in <see cref="Models"/> order: A before B).</exception>
    public PairedModelTest Test(string modelA, string modelB, ComparisonLevel level) =>
        Tests.FirstOrDefault(t => t.ModelA == modelA && t.ModelB == modelB && t.Level == level)
        ?? throw new ArgumentException($"no {level} test of '{modelA}' against '{modelB}' in this comparison", nameof(modelA));

    /// <summary>The lesion-level comparison of <paramref name="modelA"/> against <paramref name="modelB"/>.</summary>
    /// <exception cref="ArgumentException">No such pair (the names are in <see cref="Models"/> order: A before B).</exception>
    public PairedLesionTest LesionTest(string modelA, string modelB) =>
        LesionTests.FirstOrDefault(t => t.ModelA == modelA && t.ModelB == modelB)
        ?? throw new ArgumentException($"no lesion-level test of '{modelA}' against '{modelB}' in this comparison", nameof(modelA));

    /// <summary>Each model's outcome for <paramref name="patientId"/>, in <see cref="Models"/> order.</summary>
    /// <exception cref="ArgumentException">The patient is not in the comparison.</exception>
    public IReadOnlyList<(string Model, PatientOutcome Outcome)> OutcomesOf(string patientId) =>
        Models.Select(m => (m.Name, m.Evaluation.Patients.FirstOrDefault(p => p.Result.PatientId == patientId)
            ?? throw new ArgumentException($"patient '{patientId}' is not in the comparison", nameof(patientId)))).ToArray();

    /// <summary>
    /// Compares every pair of <paramref name="models"/>; <paramref name="level"/> is the confidence level of the intervals. With
    /// <paramref name="partialAucMinimumSpecificity"/>, also the partial AUCs over specificity in [that, 1] and their difference.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Fewer than two models, two with one name, or evaluations that are not of the same cohort: other patients, another
    /// label, other slices (or in another order) or another slice truth, or lesion results of other lesions; or a partial AUC range that does not start in [0, 1).
    /// </exception>
    public static ModelComparison Compute(IReadOnlyList<ModelRun> models, double level = 0.95, double? partialAucMinimumSpecificity = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count < 2) throw new ArgumentException($"a comparison needs at least two models, got {models.Count}", nameof(models));
        if (models.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() != models.Count)
        {
            throw new ArgumentException("two models have the same name", nameof(models));
        }
        var reference = models[0].Evaluation.Patients;
        var aligned = models.Select(m => Align(reference, m)).ToArray();

        var tests = new List<PairedModelTest>();
        foreach (var unit in new[] { ComparisonLevel.Patient, ComparisonLevel.Image })
        {
            var cases = aligned.Select(a => ComparedCases.Of(a, unit)).ToArray();
            var labels = cases[0].Truth;
            var enough = DeLong.HasEnoughCases(labels);
            // Per image, slices of one patient are correlated: the clustered tests go beside the unclustered ones.
            var patientOfImage = unit == ComparisonLevel.Image ? ClusteredImageTable.PatientOfImages(aligned[0]) : [];
            var clustered = unit == ComparisonLevel.Image && ClusteredImageTable.AreClustered(patientOfImage);
            // The partial AUC's bootstrap resamples patients at both levels: per patient each case is its own patient.
            var patientOfCase = unit == ComparisonLevel.Image ? patientOfImage : aligned[0].Select(p => p.Result.PatientId).ToArray();
            for (var a = 0; a < models.Count; a++)
            {
                for (var b = a + 1; b < models.Count; b++)
                {
                    var differences = PairedProportionDifference.CompareDecisions(cases[a].Decisions, cases[b].Decisions, labels, level);
                    tests.Add(new PairedModelTest(models[a].Name, models[b].Name, unit, labels.Count,
                        McNemar.CompareDecisions(cases[a].Decisions, cases[b].Decisions, labels),
                        enough ? DeLong.Paired(cases[a].Scores, cases[b].Scores, labels, level) : null,
                        enough ? null : "the paired DeLong test needs at least two cases of each class")
                    {
                        SensitivityDifference = differences.Sensitivity,
                        SpecificityDifference = differences.Specificity,
                        Clustered = clustered ? ClusteredPairedTest.Of(cases[a], cases[b], patientOfImage, level) : null,
                        Reclassification = PairedReclassification.Of(cases[a], cases[b], clustered ? patientOfImage : null, level),
                        PartialAuc = partialAucMinimumSpecificity is { } s ? PairedPartialAuc.Of(cases[a], cases[b], patientOfCase, s, level) : null,
                    });
                }
            }
        }
        var disagreeing = reference.Select((p, i) => (p.Result.PatientId, i))
            .Where(p => aligned.Select(m => m[p.i].Result.Decision.IsPositive).Distinct().Count() > 1)
            .Select(p => p.PatientId).ToArray();
        // The lesion truth comes from the same masks for every model; Jafroc.Compare refuses two runs whose lesions differ.
        var lesionTests = models.SelectMany((a, i) => models.Skip(i + 1).Select(b => PairedLesionTest.Of(a, b, level))).ToArray();
        return new ModelComparison(models, tests, lesionTests, disagreeing);
    }

    // The model's outcomes in the reference's patient order, checked to be the same cases.
    private static PatientOutcome[] Align(IReadOnlyList<PatientOutcome> reference, ModelRun model)
    {
        var byId = model.Evaluation.Patients.ToDictionary(p => p.Result.PatientId, StringComparer.Ordinal);
        if (byId.Count != reference.Count)
        {
            throw new ArgumentException($"model '{model.Name}' was evaluated on {byId.Count} patients, the first model on {reference.Count}", nameof(model));
        }
        return reference.Select(r =>
        {
            if (!byId.TryGetValue(r.Result.PatientId, out var p))
            {
                throw new ArgumentException($"patient '{r.Result.PatientId}' is missing from model '{model.Name}'", nameof(model));
            }
            // Per-image tests pair slices by position in these lists, so the slices must come in the same order.
            if (p.IsCovid != r.IsCovid || !p.SliceTruth.SequenceEqual(r.SliceTruth)
                || !p.Result.Slices.Select(s => s.Index).SequenceEqual(r.Result.Slices.Select(s => s.Index)))
            {
                throw new ArgumentException($"patient '{r.Result.PatientId}' has another label, slice order or slice truth under model '{model.Name}'", nameof(model));
            }
            return p;
        }).ToArray();
    }
}
