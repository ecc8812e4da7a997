using CovidCt.Data.Cohorts;
using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

public sealed class PatientSimulatorTests
{
    [Fact]
    public void Same_seed_gives_identical_volume_mask_and_findings()
    {
        var again = PatientSimulator.Procedural(SynthesisFixture.Options(11), PatientLabel.Covid);
        var first = SynthesisFixture.Covid;
        Assert.Equal(first.Volume.Hounsfield, again.Volume.Hounsfield);
        Assert.Equal(first.CovidMask!.Labels, again.CovidMask!.Labels);
        Assert.Equal(first.Findings, again.Findings);
    }

    [Theory]
    [InlineData(11UL)]
    [InlineData(21UL)]
    [InlineData(22UL)]
    [InlineData(23UL)]
    public void Covid_patients_have_lesions_on_at_least_three_consecutive_slices(ulong seed)
    {
        var patient = seed == 11 ? SynthesisFixture.Covid : PatientSimulator.Procedural(SynthesisFixture.Options(seed), PatientLabel.Covid);
        var run = patient.LongestRun(PatientSimulator.MinLesionPixelsPerSlice);
        Assert.True(run >= PatientSimulator.MinConsecutiveLesionSlices, $"longest run of slices with {PatientSimulator.MinLesionPixelsPerSlice}+ lesion pixels: {run}");
        Assert.All(patient.Findings, f => Assert.True(f.IsCovid, $"{f.Kind} in a COVID-19 patient"));
    }

    [Fact]
    public void Covid_mask_lies_inside_the_lung()
    {
        var mask = SynthesisFixture.Covid.CovidMask!.Labels;
        var lung = SynthesisFixture.Scan.LungCoverage;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0) Assert.True(lung[i] > 0, $"mask voxel {i} outside the lung");
        }
    }

    [Fact]
    public void Mask_is_exactly_the_voxels_the_lesions_changed()
    {
        // The same seed without lesions: identical anatomy and identical noise.
        var scan = SynthesisFixture.Scan;
        var plain = scan.Acquire((float[])scan.Clean.Clone()).Hounsfield;
        var patient = SynthesisFixture.Covid;
        var mask = patient.CovidMask!.Labels;
        long inside = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            var change = patient.Volume.Hounsfield[i] - plain[i];
            if (mask[i] == 0) Assert.True(change == 0, $"voxel {i} outside the mask changed by {change} HU");
            else
            {
                Assert.True(change >= 1, $"mask voxel {i} changed by only {change} HU");
                inside++;
            }
        }
        Assert.True(inside > 200, $"only {inside} lesion voxels");
    }

    [Fact]
    public void Lesion_edges_rise_gradually_from_about_1_HU_without_a_step()
    {
        // A hard cut at the threshold would leave no change between 1 and 19 HU; a soft threshold leaves a ramp there.
        var scan = SynthesisFixture.Scan;
        var plain = scan.Acquire((float[])scan.Clean.Clone()).Hounsfield;
        var patient = SynthesisFixture.Covid;
        var mask = patient.CovidMask!.Labels;
        var changes = Enumerable.Range(0, mask.Length).Where(i => mask[i] != 0).Select(i => patient.Volume.Hounsfield[i] - plain[i]).ToArray();
        var faint = changes.Count(c => c < LesionSimulator.MaskThresholdHu) / (double)changes.Length;
        Assert.True(faint > 0.01, $"{faint:P2} of lesion voxels changed by less than {LesionSimulator.MaskThresholdHu} HU");
        Assert.True(changes.Max() > 150, "lesion cores change by far more than the edge");
    }

    [Fact]
    public void Covid_lesions_are_ground_glass_to_consolidation_density_and_keep_vessels()
    {
        var patient = SynthesisFixture.Covid;
        var mask = patient.CovidMask!.Labels;
        var lesion = Enumerable.Range(0, mask.Length).Where(i => mask[i] != 0).Select(i => patient.Volume.Hounsfield[i]).ToArray();
        var denseEnough = lesion.Count(v => v >= -850 && v <= 120) / (double)lesion.Length;
        Assert.True(denseEnough > 0.97, $"{denseEnough:P1} of lesion voxels within -850..+120 HU");
        // The lesion raises the parenchyma: most lesion voxels are above the surrounding lung.
        Assert.True(lesion.Count(v => v > -750) / (double)lesion.Length > 0.6);
    }

    [Fact]
    public void Controls_carry_no_covid_mask_and_only_other_findings()
    {
        foreach (var seed in new ulong[] { 12, 31, 32, 33, 34 })
        {
            var control = seed == 12 ? SynthesisFixture.Control : PatientSimulator.Procedural(SynthesisFixture.Options(seed), PatientLabel.Control);
            Assert.Null(control.CovidMask);
            Assert.Equal(0, control.LesionVoxels);
            Assert.All(control.Findings, f => Assert.False(f.IsCovid, $"{f.Kind} in a control"));
        }
    }

    [Fact]
    public void Insertion_leaves_every_voxel_outside_the_mask_unchanged()
    {
        // A noisy procedural volume stands in for real CT here; the real series are tested below.
        var scan = ChestPhantom.Render(SynthesisFixture.Options(41));
        var real = scan.Acquire((float[])scan.Clean.Clone());
        var before = (float[])real.Hounsfield.Clone();
        var patient = PatientSimulator.InsertInto(real, PatientLabel.Covid, 5);
        Assert.Equal(before, real.Hounsfield);
        AssertUnchangedOutsideMask(before, patient);
    }

    [Fact]
    public void Control_insertion_changes_nothing_when_the_lungs_stay_healthy_or_only_their_findings()
    {
        var scan = ChestPhantom.Render(SynthesisFixture.Options(42));
        var real = scan.Acquire((float[])scan.Clean.Clone());
        var patient = PatientSimulator.InsertInto(real, PatientLabel.Control, 9);
        Assert.Null(patient.CovidMask);
        if (patient.Findings.Count == 0) Assert.Equal(real.Hounsfield, patient.Volume.Hounsfield);
        else Assert.NotEqual(real.Hounsfield, patient.Volume.Hounsfield);
    }

    [SkippableFact]
    public void Insertion_into_real_LIDC_CT_keeps_voxels_outside_the_mask()
    {
        var folder = SharedData.LidcPatient("LIDC-IDRI-0001");
        var real = CtReader.Read(folder);
        var before = (float[])real.Hounsfield.Clone();
        var patient = PatientSimulator.InsertInto(real, PatientLabel.Covid, 2020);
        Assert.True(patient.LongestRun(PatientSimulator.MinLesionPixelsPerSlice) >= PatientSimulator.MinConsecutiveLesionSlices);
        AssertUnchangedOutsideMask(before, patient);
    }

    private static void AssertUnchangedOutsideMask(float[] before, SimulatedPatient patient)
    {
        var mask = patient.CovidMask!.Labels;
        long changed = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] == 0) Assert.True(before[i] == patient.Volume.Hounsfield[i], $"voxel {i} outside the mask changed");
            else if (patient.Volume.Hounsfield[i] != before[i]) changed++;
        }
        Assert.True(changed > 100, $"only {changed} voxels changed inside the mask");
    }
}
