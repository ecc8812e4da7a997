using CovidCt.Data;
using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Imaging;
using SkiaSharp;

namespace CovidCt.Fuzz;

/// <summary>The starting inputs of every harness: small valid files the fuzzer mutates (each well under 1 KB but the JPEG).</summary>
internal static class Seeds
{
    /// <summary>A small volume with every voxel different, so flips and scaling show in the read values.</summary>
    public static CtVolume Volume(int width, int height, int depth) =>
        new(VolumeGeometry.Axial(width, height, depth, 0.7, 1.5), Enumerable.Range(0, width * height * depth).Select(i => i % 23 * 90f - 1000).ToArray(), "seed");

    public static void Write(string folder)
    {
        var volume = Volume(8, 8, 2);
        var dicom = Directory.CreateDirectory(Path.Combine(folder, "dicom")).FullName;
        File.WriteAllBytes(Path.Combine(dicom, "explicit"), Harnesses.DicomBody(DicomSeed.Slice(4, 3, explicitVr: true)));
        File.WriteAllBytes(Path.Combine(dicom, "implicit"), Harnesses.DicomBody(DicomSeed.Slice(4, 3, explicitVr: false)));

        var nifti = Directory.CreateDirectory(Path.Combine(folder, "nifti")).FullName;
        NiftiWriter.Write(volume, Path.Combine(nifti, "ct.nii"));
        NiftiWriter.Write(volume, Path.Combine(nifti, "ct.nii.gz"));

        var slice = Directory.CreateDirectory(Path.Combine(folder, "slice")).FullName;
        SlicePngWriter.WriteSlice(volume, 0, StudyProtocol.LungWindow, Path.Combine(slice, "gray.png"));
        File.WriteAllBytes(Path.Combine(slice, "rgb.jpg"), Jpeg(8, 8));

        var manifest = Directory.CreateDirectory(Path.Combine(folder, "manifest")).FullName;
        File.WriteAllText(Path.Combine(manifest, "manifest.csv"),
            "patient_id,label,images,masks,split,window\np1,control,p1.nii,,test,\np2,covid,p1.nii,p1.nii,train,\n");
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 30), (byte)(y * 30), 90));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
