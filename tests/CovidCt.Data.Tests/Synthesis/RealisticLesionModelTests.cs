using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

/// <summary>The spec's <c>lesions: realistic</c> planner (issue #16): fainter and smaller COVID-19 lesions, controls with confounders.</summary>
public sealed class RealisticLesionModelTests
{
    private static readonly ulong[] Seeds = [11, 21, 22];

    private static SimulatedPatient Realistic(ulong seed, PatientLabel label) =>
        PatientSimulator.Procedural(SynthesisFixture.Options(seed), label, LesionModel.Realistic);

    [Fact]
    public void The_default_planner_is_the_study_one_so_existing_specs_keep_their_voxels()
    {
        var study = PatientSimulator.Procedural(SynthesisFixture.Options(11), PatientLabel.Covid, LesionModel.Study);
        Assert.Equal(SynthesisFixture.Covid.Volume.Hounsfield, study.Volume.Hounsfield);
        Assert.Equal(SynthesisFixture.Covid.Findings, study.Findings);
    }

    [Fact]
    public void Realistic_covid_patients_keep_the_three_slice_run_and_only_covid_findings()
    {
        foreach (var seed in Seeds)
        {
            var patient = Realistic(seed, PatientLabel.Covid);
            Assert.True(patient.LongestRun(PatientSimulator.MinLesionPixelsPerSlice) >= PatientSimulator.MinConsecutiveLesionSlices, $"seed {seed}");
            Assert.All(patient.Findings, f => Assert.True(f.IsCovid, $"{f.Kind} in a COVID-19 patient"));
        }
    }

    [Fact]
    public void Realistic_ground_glass_reaches_the_faint_band_and_small_subpleural_patches_appear()
    {
        var findings = Seeds.SelectMany(s => Realistic(s, PatientLabel.Covid).Findings).ToList();
        var groundGlass = findings.Where(f => f.Kind == FindingKind.GroundGlass).ToList();
        // fill 0.2 of the air raises lung at about -860 HU to about -680 HU: the faint end of what doctors outline
        Assert.Contains(groundGlass, f => f.Fill < 0.2);
        Assert.Contains(groundGlass, f => f.RadialRadius <= 5);
        var study = Seeds.SelectMany(s => PatientSimulator.Procedural(SynthesisFixture.Options(s), PatientLabel.Covid).Findings).ToList();
        Assert.DoesNotContain(study, f => f.Kind == FindingKind.GroundGlass && (f.Fill < 0.2 || f.RadialRadius <= 5));
    }

    [Fact]
    public void Realistic_lesions_change_fewer_hounsfield_units_than_the_study_ones()
    {
        double MedianChange(LesionModel model)
        {
            var changes = new List<float>();
            foreach (var seed in Seeds)
            {
                var patient = PatientSimulator.Procedural(SynthesisFixture.Options(seed), PatientLabel.Covid, model);
                var scan = ChestPhantom.Render(SynthesisFixture.Options(seed));
                var plain = scan.Acquire((float[])scan.Clean.Clone()).Hounsfield;
                var mask = patient.CovidMask!.Labels;
                for (var i = 0; i < mask.Length; i++) if (mask[i] != 0) changes.Add(patient.Volume.Hounsfield[i] - plain[i]);
            }
            changes.Sort();
            return changes[changes.Count / 2];
        }
        Assert.True(MedianChange(LesionModel.Realistic) < MedianChange(LesionModel.Study));
    }

    [Fact]
    public void Realistic_controls_have_no_mask_and_only_control_findings()
    {
        foreach (var seed in new ulong[] { 12, 13, 14, 15 })
        {
            var patient = Realistic(seed, PatientLabel.Control);
            Assert.Null(patient.CovidMask);
            Assert.All(patient.Findings, f => Assert.False(f.IsCovid, $"{f.Kind} in a control"));
        }
    }

    [Fact]
    public void The_spec_field_reads_realistic_refuses_an_unknown_planner_and_stays_out_of_a_default_card()
    {
        using var temp = new TempFolder();
        var path = temp.File("s.json");
        File.WriteAllText(path, """{ "name": "n", "seed": 1, "lesions": "realistic", "procedural": { "covid": 1, "control": 0 } }""");
        Assert.Equal(LesionModel.Realistic, CohortSpec.Load(path).Lesions);

        File.WriteAllText(path, """{ "name": "n", "seed": 1, "lesions": "fancy", "procedural": { "covid": 1, "control": 0 } }""");
        var error = Assert.Throws<InvalidInputException>(() => CohortSpec.Load(path));
        Assert.Contains("lesions", error.Message);

        var card = File.ReadAllText(Repository.File("datasets", "default", "cohort-card.json"));
        Assert.DoesNotContain("\"lesions\"", card);
        Assert.Equal(LesionModel.Study, CohortSpec.Load(Repository.File("datasets", "specs", "default.json")).Lesions);
    }
}
