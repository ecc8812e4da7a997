using static CovidCt.Cli.Tests.BadInputs.RawFiles;

namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>
/// Broken manifests and cohorts for <c>cohort check</c>, which must find everything <c>evaluate</c> would later fail on; it
/// lists problems on its output, so the keywords are looked for there.
/// </summary>
public static class CohortCases
{
    private const string Header = "patient_id,label,images,masks,split";

    public static IEnumerable<BadInput> All()
    {
        yield return Cohort("control patient with a lesion mask", f =>
        {
            Image(f, "p1.nii");
            ImageCases.Write(Path.Combine(f, "m1.nii"), ByteNifti(4, 4, 3, i => i == 5 ? (byte)1 : (byte)0));
            return ["p1,control,p1.nii,m1.nii,test"];
        }, "labelled control", "m1.nii");
        yield return Cohort("mask with values 0-255", f =>
        {
            Image(f, "p1.nii");
            ImageCases.Write(Path.Combine(f, "m1.nii"), ByteNifti(4, 4, 3, i => (byte)(i * 5)));
            return ["p1,covid,p1.nii,m1.nii,test"];
        }, "binary", "m1.nii");
        yield return Cohort("probability map as mask", f =>
        {
            Image(f, "p1.nii");
            ImageCases.Write(Path.Combine(f, "m1.nii"), FloatNifti(4, 4, 3, i => i / 48f));
            return ["p1,covid,p1.nii,m1.nii,test"];
        }, "binary");
        yield return Cohort("mask with NaN", f =>
        {
            Image(f, "p1.nii");
            ImageCases.Write(Path.Combine(f, "m1.nii"), FloatNifti(4, 4, 3, i => i == 3 ? float.NaN : 0));
            return ["p1,covid,p1.nii,m1.nii,test"];
        }, "NaN");
        yield return Cohort("truncated .nii image", f =>
        {
            ImageCases.Write(Path.Combine(f, "p1.nii"), FloatNifti(4, 4, 3, _ => -500)[..400]);
            return ["p1,covid,p1.nii,,test"];
        }, "truncated", "line 2");
        yield return Cohort("truncated .nii.gz image", f =>
        {
            var gz = Gzip(FloatNifti(32, 32, 8, i => i % 1000 - 1000));
            ImageCases.Write(Path.Combine(f, "p1.nii.gz"), gz[..(gz.Length * 2 / 3)]);
            return ["p1,covid,p1.nii.gz,,test"];
        }, "p1.nii.gz", "line 2");
        yield return Cohort("truncated .nii.gz mask", f =>
        {
            Image(f, "p1.nii");
            var gz = Gzip(ByteNifti(4, 4, 3, i => (byte)(i % 2)));
            ImageCases.Write(Path.Combine(f, "m1.nii.gz"), gz[..(gz.Length - 12)]);
            return ["p1,covid,p1.nii,m1.nii.gz,test"];
        }, "m1.nii.gz", "masks");
        yield return Cohort("all-NaN image", f =>
        {
            ImageCases.Write(Path.Combine(f, "p1.nii"), FloatNifti(4, 4, 3, _ => float.NaN));
            return ["p1,covid,p1.nii,,test"];
        }, "NaN");
        yield return Cohort("second patient unreadable", f =>
        {
            Image(f, "p1.nii");
            ImageCases.Write(Path.Combine(f, "p2.nii"), Enumerable.Repeat((byte)7, 600).ToArray());
            return ["p1,covid,p1.nii,,test", "p2,control,p2.nii,,test"];
        }, "p2.nii", "line 3");
        yield return Cohort("mask of another size", f =>
        {
            Image(f, "p1.nii");
            ImageCases.Write(Path.Combine(f, "m1.nii"), ByteNifti(4, 4, 2, _ => 0));
            return ["p1,covid,p1.nii,m1.nii,test"];
        }, "4x4x2", "4x4x3");
        yield return Cohort("image missing", _ => ["p1,covid,nowhere.nii,,test"], "does not exist");
        yield return Cohort("mask missing", f => { Image(f, "p1.nii"); return ["p1,covid,p1.nii,nowhere.nii,test"]; }, "does not exist");
        yield return Cohort("unknown label", f => { Image(f, "p1.nii"); return ["p1,maybe,p1.nii,,test"]; }, "'maybe' is not a label");
        yield return Cohort("unknown split", f => { Image(f, "p1.nii"); return ["p1,covid,p1.nii,,holdout"]; }, "'holdout' is not a split");
        yield return Cohort("duplicate patient id", f => { Image(f, "p1.nii"); return ["p1,covid,p1.nii,,test", "p1,control,p1.nii,,test"]; }, "duplicate patient_id");
        yield return Cohort("empty patient id", f => { Image(f, "p1.nii"); return [",covid,p1.nii,,test"]; }, "patient_id", "is empty");
        yield return Cohort("empty images", _ => ["p1,covid,,,test"], "images", "is empty");
        yield return Cohort("every problem at once", f => ["p1,maybe,nowhere.nii,,holdout"], "3 problems");
        yield return new BadInput("manifest missing a column", folder =>
        {
            File.WriteAllText(folder.File("manifest.csv"), "patient_id,images,masks,split\np1,p1.nii,,test\n");
            return ["cohort", "check", folder.File("manifest.csv")];
        }, CliApp.InputError, "missing column 'label'");
        yield return new BadInput("manifest with an unknown column", folder =>
        {
            File.WriteAllText(folder.File("manifest.csv"), Header + ",age\np1,covid,p1.nii,,test,40\n");
            return ["cohort", "check", folder.File("manifest.csv")];
        }, CliApp.InputError, "unknown column 'age'");
        yield return new BadInput("manifest not found", folder => ["cohort", "check", folder.File("none.csv")], CliApp.InputError, "none.csv");
        yield return new BadInput("manifest that is a folder", folder => ["cohort", "check", folder.Path], CliApp.InputError, TempParent);
        yield return new BadInput("empty manifest", folder =>
        {
            File.WriteAllText(folder.File("manifest.csv"), "");
            return ["cohort", "check", folder.File("manifest.csv")];
        }, CliApp.InputError, "manifest.csv");
    }

    // The temporary folders all live under one parent of this name.
    private const string TempParent = "covidct-tests";

    private static void Image(string folder, string name) => ImageCases.Write(Path.Combine(folder, name), FloatNifti(4, 4, 3, i => i % 7 * 100 - 900));

    private static BadInput Cohort(string name, Func<string, string[]> rows, params string[] keywords) =>
        new(name, folder =>
        {
            var lines = rows(folder.Path);
            File.WriteAllText(folder.File("manifest.csv"), string.Join("\n", [Header, .. lines]) + "\n");
            return ["cohort", "check", folder.File("manifest.csv")];
        }, CliApp.InputError, keywords);
}
