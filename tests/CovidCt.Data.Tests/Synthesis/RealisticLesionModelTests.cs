using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

/// <summary>The spec's <c>lesions: realistic</c> planner (issue #16): lesions as faint, dense and fragmented as real ones, confounders from the anatomy and from disease.</summary>
public sealed class RealisticLesionModelTests
{
    private static readonly ulong[] Seeds = [11, 21, 22];

    private static readonly FindingKind[] Anatomical =
        [FindingKind.HeartBorderPartialVolume, FindingKind.DiaphragmPartialVolume, FindingKind.HilarVessel, FindingKind.ApicalChestWall];

    private static SimulatedPatient Realistic(ulong seed, PatientLabel label) =>
        PatientSimulator.Procedural(SynthesisFixture.Options(seed), label, LesionModel.Realistic);

    // 64 slices of 5 mm cover the whole lung, bases to apex; the fixture's 24 slices stop below the apex.
    private static PhantomOptions WholeChest(ulong seed) => new(seed, 128, 128, 64, 5.0, 5.0);

    [Fact]
    public void The_default_planner_is_the_study_one_so_existing_specs_keep_their_voxels()
    {
        var study = PatientSimulator.Procedural(SynthesisFixture.Options(11), PatientLabel.Covid, LesionModel.Study);
        Assert.Equal(SynthesisFixture.Covid.Volume.Hounsfield, study.Volume.Hounsfield);
        Assert.Equal(SynthesisFixture.Covid.Findings, study.Findings);
    }

    [Fact]
    public void Realistic_covid_patients_keep_the_three_slice_run_and_no_disease_but_covid()
    {
        foreach (var seed in Seeds)
        {
            var patient = Realistic(seed, PatientLabel.Covid);
            Assert.True(patient.LongestRun(PatientSimulator.MinLesionPixelsPerSlice) >= PatientSimulator.MinConsecutiveLesionSlices, $"seed {seed}");
            Assert.All(patient.Findings, f => Assert.True(f.IsCovid || Anatomical.Contains(f.Kind), $"{f.Kind} in a COVID-19 patient"));
        }
    }

    [Fact]
    public void Realistic_patients_carry_the_anatomical_confounders_outside_the_lesion_mask()
    {
        var seeds = Enumerable.Range(30, 8).Select(s => (ulong)s).ToArray();
        var kinds = seeds.SelectMany(s => PatientSimulator.Procedural(WholeChest(s), PatientLabel.Control, LesionModel.Realistic).Findings)
            .Select(f => f.Kind).ToHashSet();
        Assert.All(Anatomical, kind => Assert.Contains(kind, kinds));

        // In a COVID-19 patient the confounders change voxels (they are dense) but never enter the mask; with many lesion
        // pieces a confounder's centre can lie under a lesion, so the patients of all seeds are looked at.
        var painted = seeds.SelectMany(seed =>
        {
            var covid = Realistic(seed, PatientLabel.Covid);
            var scan = ChestPhantom.Render(SynthesisFixture.Options(seed));
            var plain = scan.Acquire((float[])scan.Clean.Clone()).Hounsfield;
            var g = scan.Geometry;
            return covid.Findings.Where(f => Anatomical.Contains(f.Kind)).Select(f =>
            {
                var z = Array.FindIndex(g.SlicePositions.ToArray(), p => Math.Abs(p - f.Centre.Z) < 1e-6);
                return z * g.SliceLength + (int)Math.Round(f.Centre.Y / g.RowSpacing) * g.Width + (int)Math.Round(f.Centre.X / g.ColumnSpacing);
            }).Where(i => covid.CovidMask!.Labels[i] == 0 && covid.Volume.Hounsfield[i] - plain[i] > LesionSimulator.MaskThresholdHu);
        }).ToList();
        Assert.NotEmpty(painted);
    }

    [Fact]
    public void Confounders_sit_where_the_anatomy_puts_them()
    {
        var checkedKinds = new HashSet<FindingKind>();
        foreach (var seed in Enumerable.Range(30, 8).Select(s => (ulong)s))
        {
            var findings = Realistic(seed, PatientLabel.Control).Findings;
            var scan = ChestPhantom.Render(SynthesisFixture.Options(seed));
            var g = scan.Geometry;
            // The lung's extent in this scan: confounders are placed by it (the lowest and highest lung slices it shows).
            var lungSlices = Enumerable.Range(0, g.Depth).Where(z => Enumerable.Range(z * g.SliceLength, g.SliceLength).Any(i => scan.LungCoverage[i] >= 128)).ToArray();
            var middle = 0.5 * (g.SlicePositions[lungSlices[0]] + g.SlicePositions[lungSlices[^1]]);
            foreach (var f in findings)
            {
                var ok = f.Kind switch
                {
                    FindingKind.DiaphragmPartialVolume => f.Centre.Z < middle,
                    FindingKind.ApicalChestWall => f.Centre.Z > middle,
                    // The heart lies in front: rows above the middle of the image.
                    FindingKind.HeartBorderPartialVolume => f.Centre.Y <= g.Height / 2 * g.RowSpacing,
                    _ => true,
                };
                Assert.True(ok, $"seed {seed}: {f.Kind} at ({f.Centre.X:F0}, {f.Centre.Y:F0}, {f.Centre.Z:F0}) mm, lung middle at {middle:F0} mm");
                if (Anatomical.Contains(f.Kind)) checkedKinds.Add(f.Kind);
            }
        }
        Assert.Contains(FindingKind.DiaphragmPartialVolume, checkedKinds);
        Assert.Contains(FindingKind.HeartBorderPartialVolume, checkedKinds);
    }

    [Fact]
    public void Diaphragm_and_apex_confounders_are_left_out_where_the_lung_runs_off_the_scan()
    {
        var edgeKinds = new[] { FindingKind.DiaphragmPartialVolume, FindingKind.ApicalChestWall };
        var whole = new List<Finding>();
        var cut = new List<Finding>();
        foreach (var seed in Enumerable.Range(30, 8).Select(s => (ulong)s))
        {
            var scan = ChestPhantom.Render(WholeChest(seed));
            var volume = scan.Acquire((float[])scan.Clean.Clone());
            whole.AddRange(PatientSimulator.InsertInto(volume, PatientLabel.Control, seed, LesionModel.Realistic).Findings);
            // The same chest scanned over the middle half of its lungs: a broad lung on the first and the last slice.
            var g = volume.Geometry;
            var lungSlices = Enumerable.Range(0, g.Depth).Where(z => Enumerable.Range(z * g.SliceLength, g.SliceLength).Any(i => scan.LungCoverage[i] >= 128)).ToArray();
            cut.AddRange(PatientSimulator.InsertInto(Slices(volume, lungSlices[lungSlices.Length / 4], lungSlices[3 * lungSlices.Length / 4]), PatientLabel.Control, seed, LesionModel.Realistic).Findings);
        }
        Assert.All(edgeKinds, kind => Assert.Contains(kind, whole.Select(f => f.Kind)));
        Assert.DoesNotContain(cut, f => edgeKinds.Contains(f.Kind));
        Assert.Contains(cut, f => Anatomical.Contains(f.Kind));
    }

    private static CtVolume Slices(CtVolume volume, int first, int last)
    {
        var g = volume.Geometry;
        var depth = last - first + 1;
        var geometry = g with { Depth = depth, SlicePositions = g.SlicePositions.Skip(first).Take(depth).ToArray() };
        var hounsfield = volume.Hounsfield.AsSpan(first * g.SliceLength, depth * g.SliceLength).ToArray();
        return new CtVolume(geometry, hounsfield, $"{volume.Source}, slices {first}-{last}");
    }

    [Fact]
    public void Realistic_lesions_break_into_more_pieces_per_slice_and_are_no_fainter_than_the_study_ones()
    {
        (double Pieces, double MedianChange) Measure(LesionModel model)
        {
            var changes = new List<float>();
            var pieces = new List<int>();
            foreach (var seed in Seeds)
            {
                var patient = PatientSimulator.Procedural(SynthesisFixture.Options(seed), PatientLabel.Covid, model);
                var scan = ChestPhantom.Render(SynthesisFixture.Options(seed));
                var plain = scan.Acquire((float[])scan.Clean.Clone()).Hounsfield;
                var mask = patient.CovidMask!.Labels;
                for (var i = 0; i < mask.Length; i++) if (mask[i] != 0) changes.Add(patient.Volume.Hounsfield[i] - plain[i]);
                var g = patient.Volume.Geometry;
                for (var z = 0; z < g.Depth; z++)
                {
                    var count = MaskPieces.Of(mask.AsSpan(z * g.SliceLength, g.SliceLength), g.Width, g.Height).Count;
                    if (count > 0) pieces.Add(count);
                }
            }
            changes.Sort();
            return (pieces.Average(), changes[changes.Count / 2]);
        }
        var study = Measure(LesionModel.Study);
        var realistic = Measure(LesionModel.Realistic);
        // Real COVID-19 slices hold 7.7 pieces per lesion slice and contrast 197 HU against their lung (study planner 1.9 and 171).
        Assert.True(realistic.Pieces > 1.6 * study.Pieces, $"pieces per lesion slice: realistic {realistic.Pieces:F2}, study {study.Pieces:F2}");
        Assert.True(realistic.MedianChange > 0.9 * study.MedianChange, $"median lesion change: realistic {realistic.MedianChange:F0} HU, study {study.MedianChange:F0} HU");
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
