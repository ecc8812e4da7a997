using static CovidCt.Cli.Tests.BadInputs.RawFiles;

namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>Broken NIfTI volumes: non-finite voxels, cut files, lying headers, sizes above the limit or below the minimum.</summary>
public static class VolumeCases
{
    private static readonly string[] Inspect = ["inspect"];

    public static IEnumerable<BadInput> All()
    {
        foreach (var (name, file) in new[] { ("nii", "ct.nii"), ("nii.gz", "ct.nii.gz") })
        {
            var gz = name == "nii.gz";
            byte[] Maybe(byte[] b) => gz ? Gzip(b) : b;
            yield return BadInput.File($"{name}: every voxel NaN", file, () => Maybe(FloatNifti(4, 4, 3, _ => float.NaN)), Inspect, "NaN", "Hounsfield");
            yield return BadInput.File($"{name}: every voxel NaN, --json", file, () => Maybe(FloatNifti(4, 4, 3, _ => float.NaN)), ["inspect", "--json"], "NaN");
            yield return BadInput.File($"{name}: one voxel +Inf", file, () => Maybe(FloatNifti(4, 4, 3, i => i == 7 ? float.PositiveInfinity : -500)), Inspect, "infinite", "voxel 7");
            yield return BadInput.File($"{name}: one voxel -Inf", file, () => Maybe(FloatNifti(4, 4, 3, i => i == 0 ? float.NegativeInfinity : -500)), Inspect, "infinite");
            yield return new BadInput($"{name}: NaN converted", folder =>
            {
                File.WriteAllBytes(folder.File(file), Maybe(FloatNifti(4, 4, 3, _ => float.NaN)));
                return ["convert", folder.File(file), folder.File("out.nii.gz")];
            }, CliApp.InputError, "NaN");
            yield return BadInput.File($"{name}: cut at half its voxels", file, () => Maybe(FloatNifti(8, 8, 4, _ => -700)[..(352 + 8 * 8 * 2 * 4)]), Inspect, "truncated");
            yield return BadInput.File($"{name}: cut inside the header", file, () => Maybe(FloatNifti(8, 8, 4, _ => -700)[..200]), Inspect);
            yield return BadInput.File($"{name}: declares 1024x1024x1000", file, () => Maybe(Nifti([3, 1024, 1024, 1000], 4, 16, new byte[4096])), Inspect, "limit", "voxels");
            yield return BadInput.File($"{name}: declares 32767x32767x2", file, () => Maybe(Nifti([3, 32767, 32767, 2], 2, 8, new byte[4096])), Inspect, "limit");
            yield return BadInput.File($"{name}: 1x1 slices", file, () => Maybe(FloatNifti(1, 1, 10, _ => -500)), Inspect, "at least 2x2");
            yield return BadInput.File($"{name}: 1x512 slices", file, () => Maybe(FloatNifti(1, 512, 2, _ => -500)), Inspect, "at least 2x2");
            yield return BadInput.File($"{name}: dim[0] 0", file, () => Maybe(Nifti([0, 4, 4, 3], 16, 32, new byte[192])), Inspect, "dim[0]");
            yield return BadInput.File($"{name}: dim[0] 8", file, () => Maybe(Nifti([8, 4, 4, 3, 1, 1, 1, 1], 16, 32, new byte[192])), Inspect, "dim[0]");
            yield return BadInput.File($"{name}: dim[3] 0", file, () => Maybe(Nifti([3, 4, 4, 0], 16, 32, [])), Inspect, "dim[3]");
            yield return BadInput.File($"{name}: negative dim", file, () => Maybe(Nifti([3, 4, -4, 3], 16, 32, new byte[192])), Inspect, "dim[2]");
            yield return BadInput.File($"{name}: 4-D with 3 volumes", file, () => Maybe(Nifti([4, 4, 4, 3, 3], 16, 32, new byte[576])), Inspect, "several volumes");
            yield return BadInput.File($"{name}: RGB datatype", file, () => Maybe(Nifti([3, 4, 4, 3], 128, 24, new byte[144])), Inspect, "datatype", "not supported");
            yield return BadInput.File($"{name}: complex datatype", file, () => Maybe(Nifti([3, 4, 4, 3], 32, 64, new byte[384])), Inspect, "datatype");
            yield return BadInput.File($"{name}: vox_offset 100", file, () => Maybe(Nifti([3, 4, 4, 3], 16, 32, new byte[192], voxOffset: 100)), Inspect, "vox_offset");
            yield return BadInput.File($"{name}: vox_offset 352.5", file, () => Maybe(Nifti([3, 4, 4, 3], 16, 32, new byte[192], voxOffset: 352.5f)), Inspect, "vox_offset");
            yield return BadInput.File($"{name}: vox_offset past the end", file, () => Maybe(Nifti([3, 4, 4, 3], 16, 32, new byte[192], voxOffset: 100000)), Inspect);
            yield return BadInput.File($"{name}: header size 540 (NIfTI-2)", file, () => Maybe(Nifti([3, 4, 4, 3], 16, 32, new byte[192], sizeOfHeader: 540)), Inspect);
            yield return BadInput.File($"{name}: magic ni1 (.hdr/.img pair)", file, () => Maybe(Nifti([3, 4, 4, 3], 16, 32, new byte[192], magic: "ni1")), Inspect);
            yield return BadInput.File($"{name}: random bytes", file, () => Maybe(Enumerable.Range(0, 1000).Select(i => (byte)(i * 31 + 7)).ToArray()), Inspect);
        }
        yield return BadInput.File("nii: empty file", "ct.nii", () => [], Inspect, "empty");
        yield return BadInput.File("nii.gz: corrupt gzip stream", "ct.nii.gz", () =>
        {
            var bytes = Gzip(FloatNifti(16, 16, 8, i => i % 100));
            for (var i = 20; i < bytes.Length - 8; i += 3) bytes[i] ^= 0x5A;
            return bytes;
        }, Inspect);
        yield return BadInput.File("nii.gz: gzip header only", "ct.nii.gz", () => Gzip(FloatNifti(4, 4, 3, _ => 0))[..12], Inspect);
        yield return BadInput.File("nii.gz: gzip bomb of zeros declaring 600 Mi voxels", "ct.nii.gz",
            () => Gzip(Nifti([3, 1024, 1024, 600], 2, 8, new byte[1 << 20])), Inspect, "limit");
    }
}
