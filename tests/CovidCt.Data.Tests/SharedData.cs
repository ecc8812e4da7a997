namespace CovidCt.Data.Tests;

/// <summary>
/// Finds the real CT series through COVIDCT_SHARED_DATA (the folder holding lidc-idri/): without the variable the test is
/// skipped; with it and files missing the test fails.
/// </summary>
public static class SharedData
{
    public const string Variable = "COVIDCT_SHARED_DATA";

    /// <summary>The series folder of LIDC-IDRI patient <paramref name="patient"/> (e.g. "LIDC-IDRI-0001").</summary>
    public static string LidcPatient(string patient)
    {
        var root = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrEmpty(root), $"{Variable} is not set; set it to the folder that holds lidc-idri/ to run the real-data tests");
        var folder = Path.Combine(root!, "lidc-idri", patient);
        Assert.True(Directory.Exists(folder), $"{Variable}={root} but {folder} does not exist");
        return folder;
    }
}
