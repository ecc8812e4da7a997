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
        // nifti harness: 41 bytes of voxels declaring 16392x264x114 int16 made the reader allocate 1.97 GB before noticing.
        yield return BadInput.File("nii.gz: 41 bytes of voxels declaring 16392x264x114 (fuzz)", "ct.nii.gz",
            () => RawFiles.Gzip(RawFiles.Nifti([3, 16392, 264, 114], 4, 16, new byte[41])), ["inspect"], "truncated");
    }
}
