namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>
/// Minimised inputs the fuzz harnesses (fuzz/README.md) found to end in an internal error (exit 1) before the fix; each is
/// now a clear refusal.
/// </summary>
public static class FuzzCases
{
    public static IEnumerable<BadInput> All()
    {
        // manifest harness: Path.GetFullPath threw "Null character in path" for a NUL byte in the images column.
        yield return new BadInput("manifest with a NUL byte in a path (fuzz)", folder =>
        {
            File.WriteAllBytes(folder.File("manifest.csv"), "patient_id,label,images,masks,split\np1,control,p1\0.nii,,test\n"u8.ToArray());
            return ["cohort", "check", folder.File("manifest.csv")];
        }, CliApp.InputError, "manifest.csv", "line 2", "NUL character");
    }
}
