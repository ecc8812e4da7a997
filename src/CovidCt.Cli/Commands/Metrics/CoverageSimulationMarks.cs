using CovidCt.Metrics;
using MathNet.Numerics.Distributions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Free-response data with a known wAFROC for the JAFROC rows of <see cref="CoverageSimulation"/>: a search model in the
/// spirit of Chakraborty's, on the slice layout of the design. Every case gets Poisson(λ) non-lesion marks rated
/// N(u, 1); each lesion is marked with probability ν and then rated N(μ + u, 1), else unmarked (−∞); u ~ N(0, σ²) is the
/// patient's effect, shared by all ratings of the patient's slices and by both detectors, which otherwise draw their marks
/// independently (so their figures are equal in expectation: a true null). A diseased slice has 1 + Poisson(½) lesions.
/// </summary>
/// <remarks>
/// The truth is the expectation of the wAFROC estimate given the layout. Each (normal case, diseased case) pair contributes
/// the same expected ψ for every lesion of the diseased case, so the weights drop out: a pair inside one patient shares u,
/// which cancels, and has θ_in = P(X &gt; M) + ½P(X = M = −∞) with X ~ N(μ, 1) when marked; a pair across patients has
/// u₁ − u₂ ~ N(0, 2σ²) added to the lesion's rating, θ_across the same with X ~ N(μ, 1 + 2σ²)
/// (<see cref="CoverageSimulationTruths.LesionBeatsNormal"/>). The truth is the pair-weighted mean of the two.
/// </remarks>
internal sealed class CoverageSimulationMarks(int patients, int slicesPerPatient, double patientVariance)
{
    private const double LesionMean = 1.5;
    private const double HitProbability = 0.8;
    private const double MarksPerCase = 1.0;
    private const double ExtraLesions = 0.5;

    private readonly double _inside = CoverageSimulationTruths.LesionBeatsNormal(LesionMean, 1, HitProbability, MarksPerCase);
    private readonly double _across = CoverageSimulationTruths.LesionBeatsNormal(LesionMean, Math.Sqrt(1 + 2 * patientVariance), HitProbability, MarksPerCase);

    /// <summary>One dataset: detectors A and B on the same cases, the cases listed twice (clustered by case, and by patient), and the true wAFROC.</summary>
    public MarkedDataset Draw(Random random)
    {
        List<FreeResponseCase> aByPatient = [], bByPatient = [];
        var normalsOfPatient = new int[patients];
        var diseasedOfPatient = new int[patients];
        for (var p = 0; p < patients; p++)
        {
            var effect = Math.Sqrt(patientVariance) * CoverageSimulationTruths.Gaussian(random);
            for (var s = 0; s < slicesPerPatient; s++)
            {
                // The slice layout of CoverageSimulation: prevalence 0.3 unclustered; half the patients with half their slices diseased.
                var diseased = slicesPerPatient == 1 ? random.NextDouble() < 0.3 : p % 2 == 0 && random.NextDouble() < 0.5;
                var lesions = diseased ? 1 + Poisson.Sample(random, ExtraLesions) : 0;
                if (diseased) diseasedOfPatient[p]++;
                else normalsOfPatient[p]++;
                var id = $"p{p}s{s}";
                aByPatient.Add(Case(random, id, $"p{p}", lesions, effect));
                bByPatient.Add(Case(random, id, $"p{p}", lesions, effect));
            }
        }
        double normals = normalsOfPatient.Sum(), diseasedCases = diseasedOfPatient.Sum();
        var inside = Enumerable.Range(0, patients).Sum(p => (double)normalsOfPatient[p] * diseasedOfPatient[p]);
        var pairs = normals * diseasedCases;
        var truth = pairs == 0 ? double.NaN : (inside * _inside + (pairs - inside) * _across) / pairs;
        return new MarkedDataset(ByCase(aByPatient), ByCase(bByPatient), aByPatient, bByPatient, truth);
    }

    private static FreeResponseCase Case(Random random, string id, string patient, int lesions, double effect)
    {
        var marks = new double[Poisson.Sample(random, MarksPerCase)];
        for (var m = 0; m < marks.Length; m++) marks[m] = effect + CoverageSimulationTruths.Gaussian(random);
        var rated = new FreeResponseLesion[lesions];
        for (var l = 0; l < lesions; l++)
        {
            rated[l] = new FreeResponseLesion(random.NextDouble() < HitProbability ? LesionMean + effect + CoverageSimulationTruths.Gaussian(random) : null);
        }
        return new FreeResponseCase(id, patient, rated, marks);
    }

    // The same cases with each case its own cluster: the jackknife then leaves out cases, as if slices were independent.
    private static FreeResponseCase[] ByCase(List<FreeResponseCase> cases) => [.. cases.Select(c => c with { Cluster = c.Id })];
}

/// <summary>One simulated free-response dataset of <see cref="CoverageSimulationMarks"/>.</summary>
/// <param name="AByCase">Detector A, each case its own cluster.</param>
/// <param name="BByCase">Detector B, each case its own cluster.</param>
/// <param name="AByPatient">Detector A, cases clustered by patient.</param>
/// <param name="BByPatient">Detector B, cases clustered by patient.</param>
/// <param name="TrueWafroc">The expected wAFROC of either detector given the layout; NaN without a normal or a diseased case.</param>
internal sealed record MarkedDataset(
    IReadOnlyList<FreeResponseCase> AByCase, IReadOnlyList<FreeResponseCase> BByCase,
    IReadOnlyList<FreeResponseCase> AByPatient, IReadOnlyList<FreeResponseCase> BByPatient, double TrueWafroc);
