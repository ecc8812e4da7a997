using CovidCt.Metrics;
using MathNet.Numerics.Distributions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Coverage of the reader-study intervals on a Roe–Metz-style simulation (Roe and Metz 1997, Acad Radiol 4:298–303):
/// <see cref="Readers"/> readers read the same <see cref="Cases"/> cases (half diseased) in two modalities. A case's
/// rating is Δμᵢ·D + R + τR + C + τC + RC + ε, where D is 1 for a diseased case, C (variance 0.3) is the case's
/// effect shared by every reader and modality, τC (0.1) the case-by-modality effect, RC (0.2) the reader-by-case effect,
/// ε (0.4) the error; the reader effect R (0.1) and reader-by-modality effect τR (0.05) shift only the reader's diseased
/// ratings, so readers differ in AUC. A reader's AUC is Φ((Δμᵢ + R + τR)/√(2·1.0)); over the population of readers the
/// mean AUC of modality i is Φ(Δμᵢ/√(2·1.0 + 0.1 + 0.05)), the truth the random-reader, random-case intervals cover.
/// Reading times are lognormal: ln T = αᵢ + reader + case + reader×case + reader×modality + case×modality + error, so the
/// log ratio of the two modalities is reader + case + residual, as <see cref="ReadingTimeRatio"/> models it, and the true
/// ratio of geometric means is exp(α₂ − α₁) = <see cref="TrueTimeRatio"/>.
/// </summary>
internal sealed class CoverageSimulationReaders(double separationB, int seed)
{
    /// <summary>Readers per dataset.</summary>
    public const int Readers = 5;

    /// <summary>Cases per dataset, half of them diseased.</summary>
    public const int Cases = 100;

    /// <summary>The study's "65% faster": the ratio of geometric mean reading times with and without the model.</summary>
    public const double TrueTimeRatio = 0.35;

    private const double SeparationA = 1.5;
    private const double CaseVariance = 0.3, CaseByModality = 0.1, ReaderByCase = 0.2, Error = 0.4;
    private const double ReaderVariance = 0.1, ReaderByModality = 0.05;
    private static readonly string[] ModalityNames = ["A", "B"];
    private static readonly string[] ReaderNames = [.. Enumerable.Range(1, Readers).Select(j => $"r{j}")];

    public string Design => separationB == SeparationA
        ? $"reader study, modalities equal (null): {Readers} readers × 2 modalities × {Cases} cases, AUC {TrueAuc(SeparationA):0.000} each"
        : $"reader study, modalities differ: {Readers} readers × 2 modalities × {Cases} cases, AUC {TrueAuc(SeparationA):0.000} and {TrueAuc(separationB):0.000}";

    /// <summary>Runs <paramref name="datasets"/> reader studies; each row is an interval or test with the share of datasets where it held (or rejected).</summary>
    public IReadOnlyList<CoverageRow> Run(int datasets)
    {
        var random = new Random(seed);
        var tally = new CoverageSimulationTally();
        var truthA = TrueAuc(SeparationA);
        var truthB = TrueAuc(separationB);
        var truth = Enumerable.Range(0, Cases).Select(k => k < Cases / 2).ToArray();
        for (var d = 0; d < datasets; d++)
        {
            var scores = Ratings(random, truth);
            var mrmc = ObuchowskiRockette.Analyse(ModalityNames, ReaderNames, scores, truth);
            tally.Count("AUC difference A − B: Obuchowski–Rockette–Hillis", mrmc.Differences[0].Interval.Contains(truthA - truthB));
            tally.Count("Rejected at 5%: Obuchowski–Rockette–Hillis F test", mrmc.Test!.P is { } p ? p < 0.05 : null);
            tally.Count("Mean AUC of modality A: Hillis single-modality interval", mrmc.Modalities[0].Interval.Contains(truthA));
            tally.Count("Mean AUC of modality B: Hillis single-modality interval", mrmc.Modalities[1].Interval.Contains(truthB));
            var (without, with) = ReadingTimes(random);
            tally.Count("Reading-time ratio: log t, Satterthwaite (readers and cases random)",
                ReadingTimeRatio.Compute("without", without, "with", with).Ratio.Interval?.Contains(TrueTimeRatio));
        }
        return tally.Rows();
    }

    private static double TrueAuc(double separation) =>
        Normal.CDF(0, 1, separation / Math.Sqrt(2 * (CaseVariance + CaseByModality + ReaderByCase + Error) + ReaderVariance + ReaderByModality));

    private IReadOnlyList<double>[,] Ratings(Random random, bool[] truth)
    {
        var separation = new[] { SeparationA, separationB };
        var caseEffect = Draws(random, Cases, CaseVariance);
        var caseByModality = new[] { Draws(random, Cases, CaseByModality), Draws(random, Cases, CaseByModality) };
        var readerEffect = Draws(random, Readers, ReaderVariance);
        var scores = new IReadOnlyList<double>[2, Readers];
        var readerByCase = new double[Readers][];
        for (var j = 0; j < Readers; j++) readerByCase[j] = Draws(random, Cases, ReaderByCase);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < Readers; j++)
            {
                var shift = readerEffect[j] + Math.Sqrt(ReaderByModality) * CoverageSimulationTruths.Gaussian(random);
                var ratings = new double[Cases];
                for (var k = 0; k < Cases; k++)
                {
                    var noise = caseEffect[k] + caseByModality[i][k] + readerByCase[j][k] + Math.Sqrt(Error) * CoverageSimulationTruths.Gaussian(random);
                    ratings[k] = truth[k] ? separation[i] + shift + noise : noise;
                }
                scores[i, j] = ratings;
            }
        }
        return scores;
    }

    // ln T in seconds around 60 s without the model; every effect of the log ratio has a variance of 0.02–0.1.
    private static (double[][] Without, double[][] With) ReadingTimes(Random random)
    {
        var reader = Draws(random, Readers, 0.1);
        var @case = Draws(random, Cases, 0.2);
        var without = new double[Readers][];
        var with = new double[Readers][];
        var caseByModality = new[] { Draws(random, Cases, 0.05), Draws(random, Cases, 0.05) };
        for (var j = 0; j < Readers; j++)
        {
            var readerByModality = new[] { Draws(random, 1, 0.02)[0], Draws(random, 1, 0.02)[0] };
            var readerByCase = Draws(random, Cases, 0.05);
            without[j] = new double[Cases];
            with[j] = new double[Cases];
            for (var k = 0; k < Cases; k++)
            {
                var common = Math.Log(60) + reader[j] + @case[k] + readerByCase[k];
                without[j][k] = Math.Exp(common + readerByModality[0] + caseByModality[0][k] + Math.Sqrt(0.1) * CoverageSimulationTruths.Gaussian(random));
                with[j][k] = Math.Exp(common + Math.Log(TrueTimeRatio) + readerByModality[1] + caseByModality[1][k] + Math.Sqrt(0.1) * CoverageSimulationTruths.Gaussian(random));
            }
        }
        return (without, with);
    }

    private static double[] Draws(Random random, int count, double variance)
    {
        var sd = Math.Sqrt(variance);
        var values = new double[count];
        for (var i = 0; i < count; i++) values[i] = sd * CoverageSimulationTruths.Gaussian(random);
        return values;
    }
}
