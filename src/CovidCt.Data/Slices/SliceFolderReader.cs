using CovidCt.Data.IO;
using CovidCt.Imaging;
using Microsoft.ML.Data;

namespace CovidCt.Data.Slices;

/// <summary>
/// Reads a folder of 8-bit PNG/JPEG slices (gray or RGB, already windowed — how most public COVID-19 CT sets ship) with
/// ML.NET ImageAnalytics, one file per slice, files in natural name order.
/// </summary>
/// <remarks>
/// Gray is taken as ITU-R BT.601 luma of RGB (what PIL's <c>convert("L")</c> gives; equal to the value for gray images)
/// and mapped back to approximate HU through the stated window (<see cref="HounsfieldWindow.ToHounsfield"/>). The files carry
/// no geometry: pixel and slice spacing are taken as 1 mm, slice positions as 0, 1, 2 … in file order, orientation as the
/// standard axial one. Only files directly in the folder with extension .png, .jpg or .jpeg are read.
/// </remarks>
public static class SliceFolderReader
{
    /// <summary>The slice files of <paramref name="folder"/> in natural order.</summary>
    /// <exception cref="InvalidInputException">When the folder is missing or holds no PNG/JPEG files.</exception>
    public static IReadOnlyList<string> SliceFiles(string folder)
    {
        if (!Directory.Exists(folder)) throw new InvalidInputException(folder, "folder not found; expected a folder of PNG/JPEG slices");
        var files = InputPaths.Files(folder, recursive: false).Where(CtReader.IsSliceImage).OrderBy(Path.GetFileName, NaturalOrder.Instance).ToList();
        if (files.Count == 0) throw new InvalidInputException(folder, "no .png, .jpg or .jpeg files in the folder; it holds no slices");
        return files;
    }

    /// <summary>Reads the slices as a volume in approximate HU.</summary>
    /// <param name="folder">The folder of slices.</param>
    /// <param name="window">The window the slices were exported with.</param>
    /// <param name="limits">The largest slice and volume accepted; null for <see cref="InputLimits.Default"/>.</param>
    /// <exception cref="InvalidInputException">When a slice cannot be decoded, the slices differ in size, or they exceed the limits.</exception>
    public static CtVolume Read(string folder, HounsfieldWindow window, InputLimits? limits = null) =>
        ToHounsfield(ReadGray(SliceFiles(folder), limits ?? InputLimits.Default, image: null), window, folder);

    /// <summary>
    /// Reads one PNG/JPEG slice as a one-slice volume in approximate HU (what the study's web service accepted: one uploaded
    /// slice), with the same conventions as a folder.
    /// </summary>
    /// <param name="file">The PNG or JPEG file.</param>
    /// <param name="window">The window the slice was exported with.</param>
    /// <param name="limits">The largest slice accepted; null for <see cref="InputLimits.Default"/>.</param>
    /// <exception cref="InvalidInputException">When the file is missing, cannot be decoded or exceeds the limits.</exception>
    public static CtVolume ReadFile(string file, HounsfieldWindow window, InputLimits? limits = null)
    {
        if (!File.Exists(file)) throw new InvalidInputException(file, "file not found; expected a PNG or JPEG slice");
        return ToHounsfield(ReadGray([file], limits ?? InputLimits.Default, image: null), window, file);
    }

    private static CtVolume ToHounsfield((VolumeGeometry Geometry, byte[] Gray) image, HounsfieldWindow window, string source)
    {
        ArgumentNullException.ThrowIfNull(window);
        var lookup = new float[256];
        for (var g = 0; g < 256; g++) lookup[g] = window.ToHounsfield((byte)g);
        var gray = image.Gray;
        var voxels = GC.AllocateUninitializedArray<float>(gray.Length);
        for (var i = 0; i < gray.Length; i++) voxels[i] = lookup[gray[i]];
        return new CtVolume(image.Geometry, voxels, source);
    }

    /// <summary>Reads a folder of PNG masks onto <paramref name="geometry"/>, each file's values by <paramref name="labels"/> (RGB as its gray).</summary>
    /// <param name="folder">The mask files, named like the slices.</param>
    /// <param name="geometry">The image's grid.</param>
    /// <param name="labels">Which values are lesion; null for <see cref="LesionLabels.Binary"/> (0/1 or 0/255).</param>
    /// <exception cref="InvalidInputException">When a mask cannot be decoded, does not match the grid, or holds values <paramref name="labels"/> refuses (the file named).</exception>
    public static LesionMask ReadMask(string folder, VolumeGeometry geometry, LesionLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var files = SliceFiles(folder);
        if (files.Count != geometry.Depth) throw new InvalidInputException(folder, $"the mask folder holds {files.Count} slices but the image has {geometry.Depth}; a mask must have the image's grid");
        // The image was read within the limits, so masks of its grid are too: each file's size is checked against it from the header.
        var (_, gray) = ReadGray(files, InputLimits.Highest, geometry);
        var mask = new byte[gray.Length];
        var length = geometry.SliceLength;
        // Checked file by file, so the error names the file whose values break the rule.
        for (var z = 0; z < files.Count; z++) (labels ?? LesionLabels.Binary).Apply(gray.AsSpan(z * length, length), files[z]).CopyTo(mask, z * length);
        return new LesionMask(geometry, mask, folder);
    }

    /// <summary>Reads one PNG/JPEG mask file onto <paramref name="geometry"/> (a one-slice image), its values by <paramref name="labels"/>.</summary>
    /// <exception cref="InvalidInputException">When the mask cannot be decoded, its size differs from the image's, or it holds values <paramref name="labels"/> refuses.</exception>
    internal static LesionMask ReadMaskFile(string file, VolumeGeometry geometry, LesionLabels? labels)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (!File.Exists(file)) throw new InvalidInputException(file, "file not found; expected a PNG mask");
        // Its grid is checked against the image's from the header, so the image's limits bound it.
        var (_, gray) = ReadGray([file], InputLimits.Highest, geometry);
        return new LesionMask(geometry, (labels ?? LesionLabels.Binary).Apply(gray, file), file);
    }

    /// <summary>Size and slice names from the image headers only (no pixel decoding).</summary>
    /// <param name="folder">The folder of slices.</param>
    /// <param name="limits">The largest slice and volume accepted, as <see cref="Read"/> will check; null for <see cref="InputLimits.Default"/>.</param>
    /// <exception cref="InvalidInputException">When a file is not a decodable image, the slices differ in size, or they exceed the limits.</exception>
    public static CtSourceInfo Describe(string folder, InputLimits? limits = null)
    {
        var files = SliceFiles(folder);
        limits ??= InputLimits.Default;
        var (width, height) = (0, 0);
        foreach (var file in files)
        {
            var (w, h) = SliceImageCheck.Header(file, limits);
            RequireSize(file, files[0], w, h, ref width, ref height);
            RequireVolumeWithin(folder, width, height, files.Count, limits);
        }
        return new CtSourceInfo(CtSourceKind.SliceFolder, width, height, files.Count, files.Select(Path.GetFileNameWithoutExtension).ToList()!);
    }

    // image: the grid a mask must have, checked from each file's header before decoding; null for an image.
    private static (VolumeGeometry Geometry, byte[] Gray) ReadGray(IReadOnlyList<string> files, InputLimits limits, VolumeGeometry? image)
    {
        byte[]? gray = null;
        var (width, height) = (0, 0);
        for (var z = 0; z < files.Count; z++)
        {
            if (image is not null)
            {
                var (mw, mh) = SliceImageCheck.Header(files[z], limits);
                CtReader.RequireSameGrid(files[z], mw, mh, files.Count, image.Width, image.Height, image.Depth);
            }
            var (w, h) = SliceImageCheck.Complete(files[z], limits);
            RequireSize(files[z], files[0], w, h, ref width, ref height);
            RequireVolumeWithin(files[z], width, height, files.Count, limits);
            using var decoded = Load(files[z]);
            gray ??= new byte[(long)width * height * files.Count];
            Luma(decoded, gray.AsSpan(z * width * height, width * height));
        }
        return (VolumeGeometry.Axial(width, height, files.Count, 1, 1), gray!);
    }

    private static MLImage Load(string file)
    {
        try
        {
            return MLImage.CreateFromFile(file);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or NotSupportedException)
        {
            throw Undecodable(file, e);
        }
    }

    private static InvalidInputException Undecodable(string file, Exception inner) =>
        new(file, $"cannot be decoded as a PNG/JPEG image ({new FileInfo(file).Length} bytes); expected an 8-bit gray or RGB slice", inner: inner);

    private static void RequireSize(string file, string first, int w, int h, ref int width, ref int height)
    {
        if (width == 0) (width, height) = (w, h);
        else if (w != width || h != height) throw new InvalidInputException(file, $"the slice is {w}x{h} but {Path.GetFileName(first)} is {width}x{height}; every slice must have the same size");
    }

    private static void RequireVolumeWithin(string path, int width, int height, int depth, InputLimits limits)
    {
        if (limits.TooManyVoxels((long)width * height * depth, $"{width}x{height}x{depth}") is { } tooMany) throw new InvalidInputException(path, "the slices " + tooMany);
    }

    /// <summary>Adds the gray levels of one slice file, of any size within <paramref name="limits"/>, to a 256-level <paramref name="histogram"/>.</summary>
    /// <exception cref="InvalidInputException">When the file cannot be decoded or exceeds the limits.</exception>
    internal static void AddToHistogram(string file, long[] histogram, InputLimits limits)
    {
        SliceImageCheck.Complete(file, limits);
        using var image = Load(file);
        var gray = new byte[image.Width * image.Height];
        Luma(image, gray);
        foreach (var g in gray) histogram[g]++;
    }

    /// <summary>BT.601 luma, rounded: (299 R + 587 G + 114 B) / 1000.</summary>
    private static void Luma(MLImage image, Span<byte> gray)
    {
        var pixels = image.Pixels;
        var (r, b) = image.PixelFormat == MLPixelFormat.Rgba32 ? (0, 2) : (2, 0);
        for (var i = 0; i < gray.Length; i++)
        {
            var p = pixels.Slice(4 * i, 4);
            gray[i] = (byte)((299 * p[r] + 587 * p[1] + 114 * p[b] + 500) / 1000);
        }
    }
}
