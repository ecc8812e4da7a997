using static CovidCt.Cli.Tests.BadInputs.RawFiles;

namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>
/// The read limits as options: values that are not a limit are usage errors naming the option, and a lowered limit refuses
/// a small input on every command that reads CT, naming the option that raises it again.
/// </summary>
public static class ReadLimitCases
{
    public static IEnumerable<BadInput> All()
    {
        foreach (var option in new[] { "--max-voxels", "--max-slice-pixels" })
        {
            foreach (var value in new[] { "abc", "1.5", "-1", "0", "3", "99999999999999999999", "3000000000" })
            {
                yield return new BadInput($"inspect {option} {value}", folder =>
                {
                    File.WriteAllBytes(folder.File("ct.nii"), FloatNifti(4, 4, 3, _ => -500));
                    return ["inspect", folder.File("ct.nii"), option, value];
                }, CliApp.InputError, option, "must be");
            }
        }
        // 8 x 8 x 4 = 256 voxels of 64 pixels each: one below either is refused by every command that reads CT.
        var commands = new Dictionary<string, Func<TempFolder, string, string[]>>
        {
            ["inspect"] = (_, ct) => ["inspect", ct],
            ["convert"] = (f, ct) => ["convert", ct, f.File("out.nii.gz")],
            ["detect"] = (_, ct) => ["detect", ct],
            ["cohort check"] = (f, ct) => ["cohort", "check", Manifest(f, ct)],
            ["evaluate"] = (f, ct) => ["evaluate", "--cohort", Manifest(f, ct), "--split", "all", "--out", f.File("out"), "--cache", f.File("cache")],
        };
        foreach (var (command, arguments) in commands)
        {
            foreach (var (option, value, unit) in new[] { ("--max-voxels", "255", "voxels"), ("--max-slice-pixels", "63", "pixels") })
            {
                yield return new BadInput($"{command} {option} {value} on 8x8x4", folder =>
                {
                    File.WriteAllBytes(folder.File("ct.nii"), FloatNifti(8, 8, 4, i => i % 9 * 100 - 900));
                    return [.. arguments(folder, folder.File("ct.nii")), option, value];
                }, CliApp.InputError, "ct.nii", $"limit of {value}", unit, option);
            }
        }
    }

    private static string Manifest(TempFolder folder, string image)
    {
        File.WriteAllText(folder.File("manifest.csv"), $"patient_id,label,images,masks,split\np1,control,{image},,test\n");
        return folder.File("manifest.csv");
    }
}
