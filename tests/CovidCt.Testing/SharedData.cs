namespace CovidCt.Testing;

/// <summary>
/// Finds the real CT series through COVIDCT_SHARED_DATA (the folder holding lidc-idri/): without the variable the test is
/// skipped; with it and files missing the test fails.
/// </summary>
public static class SharedData
{
    public const string Variable = "COVIDCT_SHARED_DATA";

    /// <summary>The folder named by the variable, or null when it is not set.</summary>
    public static string? Root => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? folder : null;

    /// <summary>The folder of LIDC-IDRI patient <paramref name="patient"/> (e.g. "LIDC-IDRI-0001"); skips or fails as described above.</summary>
    public static string LidcPatient(string patient)
    {
        Skip.If(Root is null, $"{Variable} is not set; set it to the folder that holds lidc-idri/ to run the real-data tests");
        var folder = Path.Combine(Root!, "lidc-idri", patient);
        Assert.True(Directory.Exists(folder), $"{Variable}={Root} but {folder} does not exist");
        return folder;
    }
}
