namespace CovidCt.Cluster.Tests;

public class ClusterRunFolderTests
{
    [Fact]
    public void A_folder_of_the_same_run_is_resumed_and_one_of_another_run_is_emptied()
    {
        using var temp = new TempFolder();
        var folder = new ClusterRunFolder(temp.File("run"));
        Assert.False(folder.Claim("key-1", "{}"));
        var outcome = Outcomes.Covid("p1");
        folder.Write(outcome, OutcomeJson.Write(outcome));

        Assert.True(folder.Claim("key-1", "{}"));
        var finished = folder.Finished();
        Assert.Equal(["p1"], finished.Keys);
        Assert.Equal(OutcomeJson.Write(outcome), OutcomeJson.Write(finished["p1"]));
        Assert.True(File.Exists(Path.Combine(folder.ParquetFolder, "slices", "p1.parquet")));

        Assert.False(folder.Claim("key-2", "{}"));
        Assert.Empty(folder.Finished());
        Assert.False(Directory.Exists(folder.ParquetFolder));
    }

    [Fact]
    public void A_patient_written_twice_is_one_result()
    {
        using var temp = new TempFolder();
        var folder = new ClusterRunFolder(temp.File("run"));
        folder.Claim("key", "{}");
        var outcome = Outcomes.Covid("p1");
        folder.Write(outcome, OutcomeJson.Write(outcome));
        folder.Write(outcome, OutcomeJson.Write(outcome));
        Assert.Single(Directory.GetFiles(folder.ResultsFolder));
        Assert.Single(folder.Finished());
    }
}
