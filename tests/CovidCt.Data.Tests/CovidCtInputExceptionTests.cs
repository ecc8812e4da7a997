using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;

namespace CovidCt.Data.Tests;

public sealed class CovidCtInputExceptionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_bad_csv_line_is_caught_as_the_base_with_file_line_and_field()
    {
        var path = _folder.File("scores.csv");
        File.WriteAllText(path, "id,label\na,1\n");

        var e = Assert.ThrowsAny<CovidCtInputException>(() => CsvTable.Read(path).RequireColumns(["id", "label", "score"]));

        Assert.IsType<InvalidInputException>(e);
        Assert.Equal((path, 1, "score"), (e.File, e.Line, e.Field));
        Assert.Equal($"{path}, line 1, field 'score': {e.Problem}", e.Message);
    }

    [Fact]
    public void A_broken_manifest_is_caught_as_the_base_naming_the_manifest_and_each_problem_with_line_and_field()
    {
        var path = _folder.File("cohort.csv");
        File.WriteAllText(path, "patient_id,label,images,masks,split\np1,sick,p1.nii.gz,,holdout\n");

        var e = Assert.ThrowsAny<CovidCtInputException>(() => CohortManifest.Load(path));

        var invalid = Assert.IsType<CohortValidationException>(e);
        Assert.Equal(path, e.File);
        Assert.StartsWith($"{path}: ", e.Message);
        Assert.Contains($"{path}, line 2, field 'label': 'sick' is not a label", e.Message);
        Assert.Contains($"{path}, line 2, field 'split': 'holdout' is not a split", e.Message);
        Assert.Contains(invalid.Problems, p => p.Line == 2 && p.Field == "split");
    }
}
