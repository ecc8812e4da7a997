namespace CovidCt.Metrics.Tests;

/// <summary>
/// The JAFROC figures of merit against RJafroc 2.1.3's stored values (References/jafroc.R and jafroc.out), and their edge
/// cases. RJafroc's figures: Chakraborty and Berbaum 2004 (AFROC), Chakraborty 2017, chapter 13 (wAFROC).
/// </summary>
public sealed class JafrocTests
{
    // St(dataset01, FOM = "wAFROC", method = "OR")$FOMs$foms, RJafroc tests/testthat/goodValues361/SigTest/OR/dataset01.rds
    // (References/jafroc.out): rows BT, DM; columns readers 1-5.
    private static readonly double[,] Dataset01Weighted =
    {
        { 0.76027036516853930, 0.84061914794007486, 0.8171523876404494, 0.81530898876404490, 0.82783239700374533 },
        { 0.64258544007490637, 0.70499765917602997, 0.7518433988764045, 0.77244264981273403, 0.68369616104868913 },
    };

    // dataset05's figures from UtilPseudoValues(dataset05, "AFROC" / "wAFROC"), goodValues361/Utils/PseudoValues-*.rds
    // (References/jafroc.out; RJafroc centres the pseudovalues so their mean is the figure): rows modality 1-2; columns readers 1-9.
    private static readonly double[,] Dataset05Afroc =
    {
        { 0.73013182674199628, 0.88436911487758940, 0.8141242937853107, 0.62485875706214689, 0.57890772128060264, 0.85065913370998125, 0.89604519774011304, 0.80734463276836155, 0.76760828625235400 },
        { 0.78926553672316380, 0.96290018832391711, 0.8512241054613936, 0.73841807909604518, 0.71977401129943508, 0.86704331450094163, 0.93069679849340869, 0.89962335216572520, 0.80772128060263648 },
    };

    private static readonly double[,] Dataset05Weighted =
    {
        { 0.72446808510637983, 0.88096926713947765, 0.80957446808510480, 0.61331757289203814, 0.57730496453900682, 0.84933018124507165, 0.89278959810874603, 0.80260047281323765, 0.76398739164696461 },
        { 0.80236406619385092, 0.96855791962174864, 0.84598108747044964, 0.75141843971631017, 0.72092198581559952, 0.87186761229314325, 0.93695823483057428, 0.89948778565799870, 0.81903073286051897 },
    };

    [Fact]
    public void Weighted_afroc_matches_RJafroc_on_dataset01_for_every_modality_and_reader()
    {
        var data = RJafrocDatasets.Load("dataset01");
        string[] modalities = ["BT", "DM"];
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var result = Jafroc.Compute(data[(modalities[i], (j + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                Assert.Equal(Dataset01Weighted[i, j], result.FigureOfMerit.Value!.Value, 12);
                Assert.Equal((96, 89, 95), (result.NormalCases, result.DiseasedCases, result.Lesions));
            }
        }
    }

    [Theory]
    [InlineData(JafrocFigure.Afroc)]
    [InlineData(JafrocFigure.WeightedAfroc)]
    public void Both_figures_match_RJafroc_on_dataset05(JafrocFigure figure)
    {
        var data = RJafrocDatasets.Load("dataset05");
        var expected = figure == JafrocFigure.Afroc ? Dataset05Afroc : Dataset05Weighted;
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 9; j++)
            {
                var result = Jafroc.Compute(data[(Id(i + 1), Id(j + 1))], figure);
                Assert.Equal(expected[i, j], result.FigureOfMerit.Value!.Value, 12);
            }
        }
    }

    [Theory]
    [InlineData(JafrocFigure.Afroc, "# dataset05 AFROC leave-one-case-out")]
    [InlineData(JafrocFigure.WeightedAfroc, "# dataset05 wAFROC leave-one-case-out")]
    public void The_case_jackknife_uses_RJafrocs_leave_one_out_figures(JafrocFigure figure, string heading)
    {
        // RJafroc's jkFomValues for modality 1, reader 1: the jackknife variance from them is (K−1)/K Σ(θ₋ₖ − θ̄)².
        var leaveOneOut = RJafrocDatasets.Reference(heading, 92);
        Assert.Equal(92, leaveOneOut.Length);
        var expectedSe = Math.Sqrt(JackknifeVariance(leaveOneOut));
        var result = Jafroc.Compute(RJafrocDatasets.Load("dataset05")[("1", "1")], figure);
        Assert.Equal(expectedSe, result.StandardError!.Value, 12);
        Assert.Equal(92, result.Clusters);
        var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 91, 0.975) * expectedSe;
        Assert.Equal(result.FigureOfMerit.Value!.Value - half, result.FigureOfMerit.Interval!.Lower, 12);
        Assert.Equal("jackknife", result.FigureOfMerit.Interval.Method);
    }

    [Fact]
    public void Leaving_out_a_patient_removes_all_its_cases()
    {
        // Cases grouped in 12 patients: the clustered jackknife must equal recomputing without each patient's cases.
        var cases = RJafrocDatasets.Load("dataset01")[("BT", "1")].Select((c, k) => c with { Cluster = $"p{k % 12}" }).ToArray();
        var result = Jafroc.Compute(cases);
        var leaveOneOut = Enumerable.Range(0, 12)
            .Select(p => Jafroc.Compute(cases.Where(c => c.Cluster != $"p{p}").ToArray()).FigureOfMerit.Value!.Value).ToArray();
        Assert.Equal(Math.Sqrt(JackknifeVariance(leaveOneOut)), result.StandardError!.Value, 13);
        Assert.Equal(12, result.Clusters);
        Assert.Equal(Dataset01Weighted[0, 0], result.FigureOfMerit.Value!.Value, 12);
    }

    [Fact]
    public void Unmarked_lesions_tie_with_unmarked_normal_cases_and_count_half()
    {
        // A detector that marks nothing: every pair ties at −∞, so the figure is ½, not 0 (RJafroc's convention).
        FreeResponseCase[] cases =
        [
            Normal("n1", "n1"), Normal("n2", "n2"),
            new("d1", "d1", [new FreeResponseLesion(null), new FreeResponseLesion(null)], []),
            new("d2", "d2", [new FreeResponseLesion(null)], []),
        ];
        var result = Jafroc.Compute(cases);
        Assert.Equal(0.5, result.FigureOfMerit.Value!.Value);
        Assert.Equal(3, result.UnmarkedLesions);
        Assert.Equal(0, result.StandardError);
        Assert.Single(result.Caveats);
    }

    [Fact]
    public void A_tie_between_a_lesion_and_a_normal_cases_highest_mark_counts_half_and_other_marks_do_not_enter()
    {
        // Normal n1's highest mark 0.7 (its 0.2 does not count); lesion a 0.7 ties it, lesion b 0.9 beats it. Diseased
        // cases' own non-lesion marks (0.99) do not enter the AFROC. wAFROC: d1's two lesions share its weight.
        FreeResponseCase[] cases =
        [
            new("n1", "n1", [], [0.2, 0.7]),
            new("n2", "n2", [], []),
            new("d1", "d1", [new FreeResponseLesion(0.7), new FreeResponseLesion(0.9)], [0.99]),
            new("d2", "d2", [new FreeResponseLesion(0.5)], []),
        ];
        // ψ against n1: a ½, b 1, c 0; against n2 (−∞): 1, 1, 1.
        Assert.Equal((0.5 * 0.5 + 0.5 * 1 + 0 + 1 + 1) / (2 * 2), Jafroc.Compute(cases).FigureOfMerit.Value!.Value, 15);
        Assert.Equal((0.5 + 1 + 0 + 3) / (2 * 3), Jafroc.Compute(cases, JafrocFigure.Afroc).FigureOfMerit.Value!.Value, 15);
    }

    [Fact]
    public void Given_weights_replace_the_equal_shares()
    {
        FreeResponseCase[] cases =
        [
            new("n1", "n1", [], [0.8]),
            new("d1", "d1", [new FreeResponseLesion(0.9, 0.75), new FreeResponseLesion(0.1, 0.25)], []),
        ];
        Assert.Equal(0.75, Jafroc.Compute(cases).FigureOfMerit.Value!.Value, 15);
    }

    [Fact]
    public void Without_a_normal_case_or_a_lesion_the_figure_is_undefined_with_the_reason()
    {
        var noNormal = Jafroc.Compute([new FreeResponseCase("d1", "d1", [new FreeResponseLesion(0.5)], [])]);
        Assert.Null(noNormal.FigureOfMerit.Value);
        Assert.Contains("no normal case", noNormal.FigureOfMerit.UndefinedReason, StringComparison.Ordinal);
        var noLesion = Jafroc.Compute([Normal("n1", "n1")]);
        Assert.Contains("no lesion", noLesion.FigureOfMerit.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_interval_is_undefined_when_a_patient_holds_every_normal_case()
    {
        FreeResponseCase[] cases =
        [
            Normal("n1", "p1"), Normal("n2", "p1"),
            new("d1", "p1", [new FreeResponseLesion(0.4)], []),
            new("d2", "p2", [new FreeResponseLesion(0.6)], []),
        ];
        var result = Jafroc.Compute(cases);
        Assert.Equal(1, result.FigureOfMerit.Value);
        Assert.Null(result.FigureOfMerit.Interval);
        Assert.Contains("leaving out 'p1' leaves no normal case", result.IntervalUndefinedReason, StringComparison.Ordinal);
        var single = Jafroc.Compute(cases.Select(c => c with { Cluster = "p" }).ToArray());
        Assert.Contains("at least 2", single.IntervalUndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_case()
    {
        var twice = Assert.Throws<ArgumentException>(() => Jafroc.Compute([Normal("n1", "n1"), Normal("n1", "n1")]));
        Assert.Contains("'n1' appears twice", twice.Message, StringComparison.Ordinal);
        var notFinite = Assert.Throws<ArgumentException>(() => Jafroc.Compute([new FreeResponseCase("n1", "n1", [], [double.NaN])]));
        Assert.Contains("case 'n1'", notFinite.Message, StringComparison.Ordinal);
        var partial = Assert.Throws<ArgumentException>(() => Jafroc.Compute([new FreeResponseCase("d1", "d1", [new FreeResponseLesion(0.5, 1), new FreeResponseLesion(0.5)], [])]));
        Assert.Contains("1 of its 2 lesions have a weight", partial.Message, StringComparison.Ordinal);
        var sum = Assert.Throws<ArgumentException>(() => Jafroc.Compute([new FreeResponseCase("d1", "d1", [new FreeResponseLesion(0.5, 0.5), new FreeResponseLesion(0.5, 0.4)], [])]));
        Assert.Contains("sum to 0.9", sum.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_paired_comparison_is_the_jackknife_of_the_leave_one_out_differences()
    {
        var data = RJafrocDatasets.Load("dataset01");
        var a = data[("BT", "1")];
        var b = data[("DM", "1")];
        var result = Jafroc.Compare(a, b);
        Assert.Equal(Dataset01Weighted[0, 0] - Dataset01Weighted[1, 0], result.Difference!.Value, 12);
        var differences = a.Select(c => c.Id)
            .Select(id => Jafroc.Compute(a.Where(c => c.Id != id).ToArray()).FigureOfMerit.Value!.Value - Jafroc.Compute(b.Where(c => c.Id != id).ToArray()).FigureOfMerit.Value!.Value)
            .ToArray();
        var se = Math.Sqrt(JackknifeVariance(differences));
        Assert.Equal(se, result.StandardError!.Value, 13);
        Assert.Equal(184, result.DegreesOfFreedom);
        Assert.Equal(2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, 184, -Math.Abs(result.Difference.Value / se)), result.PValue!.Value, 13);
        Assert.True(result.DifferenceInterval!.Contains(result.Difference.Value));
        // B listed in another order gives the same answer.
        var shuffled = Jafroc.Compare(a, b.AsEnumerable().Reverse().ToArray());
        Assert.Equal(result.StandardError.Value, shuffled.StandardError!.Value, 14);
    }

    [Fact]
    public void A_detector_against_itself_differs_by_zero_with_p_one_and_a_caveat()
    {
        var a = RJafrocDatasets.Load("dataset01")[("BT", "2")];
        var result = Jafroc.Compare(a, a);
        Assert.Equal((0.0, 0.0, 1.0), (result.Difference!.Value, result.T!.Value, result.PValue!.Value));
        Assert.Single(result.Caveats);
    }

    [Fact]
    public void Two_detectors_must_share_the_truth()
    {
        FreeResponseCase[] a = [Normal("n1", "n1"), new("d1", "d1", [new FreeResponseLesion(0.5)], [])];
        FreeResponseCase[] other = [Normal("n1", "n1"), new("d1", "d1", [new FreeResponseLesion(0.5), new FreeResponseLesion(0.1)], [])];
        Assert.Contains("has 1 lesion(s) in A but 2 in B", Assert.Throws<ArgumentException>(() => Jafroc.Compare(a, other)).Message, StringComparison.Ordinal);
        FreeResponseCase[] missing = [Normal("n1", "n1")];
        Assert.Contains("'d1' is in A but not in B", Assert.Throws<ArgumentException>(() => Jafroc.Compare(a, missing)).Message, StringComparison.Ordinal);
    }

    /// <summary>(n−1)/n Σ(xᵢ − x̄)², written out here so the test does not reuse the code it checks.</summary>
    private static double JackknifeVariance(double[] leaveOneOut)
    {
        var mean = leaveOneOut.Average();
        return (leaveOneOut.Length - 1.0) / leaveOneOut.Length * leaveOneOut.Sum(x => (x - mean) * (x - mean));
    }

    private static FreeResponseCase Normal(string id, string cluster) => new(id, cluster, [], []);

    private static string Id(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
