using CovidCt.Data.IO;
using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Pipelines.Tests.Sweeps;

public sealed class PostProcessingSweepTests
{
    private static readonly SweepGrid Grid = new([0.3, 0.45, 0.5, 0.65, 0.8], [0, 10, 25], [1, 2, 3, 5], [true, false], [QuadrantAssignment.Centroid, QuadrantAssignment.Overlap]);

    [Theory]
    [InlineData(ValidAreaRegion.Rectangle, QuadrantCentre.ValidArea, 0, 16)]
    [InlineData(ValidAreaRegion.Mask, QuadrantCentre.Image, 1, 32)]
    [InlineData(ValidAreaRegion.WholeImage, QuadrantCentre.ValidArea, 0, 24)]
    public void Every_row_equals_a_direct_single_setting_evaluation(ValidAreaRegion region, QuadrantCentre centre, int maxGap, int size)
    {
        var random = new Random(20200225 + size + maxGap);
        var options = new PipelineOptions { ValidArea = { Region = region }, Quadrants = { Centre = centre }, PatientRule = { MaxGap = maxGap } };
        var patients = Enumerable.Range(0, 14).Select(i => (Id: $"P{i}", Covid: i % 2 == 0, Data: RandomMaps.Patient(random, size))).ToArray();
        var sweep = new PostProcessingSweep(Grid, options);
        foreach (var (id, covid, (geometry, maps, areas, truth)) in patients) sweep.Add(id, "random", geometry, maps, areas, covid, truth);
        var result = sweep.Result();

        Assert.Equal(Grid.Count, result.Rows.Count);
        Assert.Equal(patients.Sum(p => p.Data.Maps.Length), result.Slices);
        var detector = new SliceDetector();
        var differentDecisions = new HashSet<(ConfusionCounts, ConfusionCounts)>();
        foreach (var row in result.Rows)
        {
            var settingOptions = row.Setting.ApplyTo(options);
            var outcomes = patients.Select(p => new PatientOutcome(
                DetectionPipeline.Detect(detector, settingOptions, p.Id, "random", p.Data.Geometry, p.Data.Maps, p.Data.Areas), p.Covid, p.Data.Truth)).ToArray();
            var direct = PipelineEvaluation.Compute(outcomes);
            Assert.Equal(direct.ImageCounts, row.Image.Counts);
            Assert.Equal(direct.PatientCounts, row.Patient.Counts);
            Assert.Equal(direct.ImagesWithoutTruth, result.ImagesWithoutTruth);
            Assert.Equal(direct.PatientMetrics.Sensitivity.Value, row.Patient.Sensitivity.Value);
            differentDecisions.Add((row.Image.Counts, row.Patient.Counts));
        }
        // The random patients must exercise the settings: many rows differ from each other.
        Assert.True(differentDecisions.Count > 10, $"only {differentDecisions.Count} distinct tables");
    }

    [Fact]
    public void Memory_between_patients_is_the_counts_only_so_adding_the_same_patient_twice_doubles_them()
    {
        var random = new Random(3);
        var (geometry, maps, areas, truth) = RandomMaps.Patient(random, 16);
        var once = new PostProcessingSweep(Grid);
        once.Add("A", "random", geometry, maps, areas, true, truth);
        var twice = new PostProcessingSweep(Grid);
        twice.Add("A", "random", geometry, maps, areas, true, truth);
        twice.Add("B", "random", geometry, maps, areas, true, truth);
        var (single, doubled) = (once.Result(), twice.Result());
        for (var i = 0; i < Grid.Count; i++)
        {
            var c = single.Rows[i].Patient.Counts;
            Assert.Equal(c + c, doubled.Rows[i].Patient.Counts);
            Assert.Equal(single.Rows[i].Image.Counts + single.Rows[i].Image.Counts, doubled.Rows[i].Image.Counts);
        }
        Assert.Equal(2, twice.Patients);
    }

    [Fact]
    public void Bad_patients_are_refused_with_the_patient_named()
    {
        var random = new Random(5);
        var (geometry, maps, areas, truth) = RandomMaps.Patient(random, 16);
        var sweep = new PostProcessingSweep(Grid);
        Assert.Throws<ArgumentException>(() => sweep.Add("A", "random", geometry, maps[..^1], areas, true, truth));
        var wrongSize = areas.Select(_ => RandomMaps.Area(random, 8, 8)).ToArray();
        Assert.Contains("'A'", Assert.Throws<ArgumentException>(() => sweep.Add("A", "random", geometry, maps, wrongSize, true, truth)).Message);
        var flat = new CovidCt.Data.VolumeGeometry(16, 16, 2, 0.7, 0.7, [1.0, 1.0], 2.5, new(1, 0, 0), new(0, 1, 0), new(0, 0, 0));
        var duplicate = Assert.Throws<InvalidInputException>(() => sweep.Add("B", "b.nii.gz", flat, maps[..1].Concat(maps[..1]).ToArray(), areas[..1].Concat(areas[..1]).ToArray(), false, [false, false]));
        Assert.Contains("'B'", duplicate.Message);
        Assert.Throws<InvalidOperationException>(() => sweep.Result());
    }
}
