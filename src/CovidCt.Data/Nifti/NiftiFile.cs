using System.IO.Compression;
using CovidCt.Data.IO;

namespace CovidCt.Data.Nifti;

/// <summary>A NIfTI-1 file opened up to its voxel data: the header, the resolved layout, and the stream positioned at the first voxel.</summary>
internal sealed class NiftiFile : IDisposable
{
    private readonly Stream _stream;

    private NiftiFile(string path, Stream stream, NiftiHeader header, int width, int height, int depth, SampleFormat format, NiftiLayout layout)
    {
        Path = path;
        _stream = stream;
        Header = header;
        Width = width;
        Height = height;
        Depth = depth;
        Format = format;
        Layout = layout;
    }

    public string Path { get; }
    public NiftiHeader Header { get; }
    public int Width { get; }
    public int Height { get; }
    public int Depth { get; }
    public SampleFormat Format { get; }
    public NiftiLayout Layout { get; }

    public static bool IsGzip(string path)
    {
        using var probe = InputPaths.OpenRead(path);
        return probe.ReadByte() == 0x1f && probe.ReadByte() == 0x8b;
    }

    /// <summary>Opens <paramref name="path"/> (.nii or gzip-compressed, recognised by content) and validates the header.</summary>
    public static NiftiFile Open(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file not found; expected a NIfTI-1 file (.nii or .nii.gz)");
        Stream stream = InputPaths.OpenRead(path, 1 << 20);
        try
        {
            if (IsGzip(path)) stream = new GZipStream(stream, CompressionMode.Decompress);
            var head = new byte[NiftiHeader.MinimumVoxelOffset];
            var got = ReadFully(stream, head, path);
            var header = NiftiHeader.Parse(head.AsSpan(0, got), path);
            var (width, height, depth) = Dimensions(header, path);
            var format = SampleFormatOf(header, path);
            var voxelOffset = (long)header.VoxelOffset;
            if (header.VoxelOffset != voxelOffset || voxelOffset < NiftiHeader.MinimumVoxelOffset)
            {
                throw new InvalidInputException(path, $"vox_offset is {header.VoxelOffset}; expected a whole number of bytes of at least {NiftiHeader.MinimumVoxelOffset}", field: "vox_offset");
            }
            if (got < NiftiHeader.MinimumVoxelOffset) throw Truncated(path, got, voxelOffset);
            GeometryExtension? extension = null;
            if (voxelOffset > NiftiHeader.MinimumVoxelOffset)
            {
                var extensions = new byte[voxelOffset - NiftiHeader.MinimumVoxelOffset];
                var read = ReadFully(stream, extensions, path);
                if (read < extensions.Length) throw Truncated(path, NiftiHeader.MinimumVoxelOffset + read, voxelOffset);
                if (head[348] != 0) extension = GeometryExtension.Find(extensions, header.BigEndian);
            }
            var layout = NiftiLayout.Resolve(header, width, height, depth, extension, path);
            var bytes = (long)width * height * depth * VoxelDecoder.BytesPerSample(format);
            if (InputLimits.TooManyVoxels((long)width * height * depth, $"{width}x{height}x{depth}") is { } tooMany) throw new InvalidInputException(path, tooMany, field: "dim");
            // An uncompressed file's length is known before reading: a cut file is refused here, when a manifest is checked.
            if (stream is FileStream && stream.Length < voxelOffset + bytes)
            {
                throw new InvalidInputException(path, $"the voxel data has {stream.Length - voxelOffset} of {bytes} bytes; dim {width}x{height}x{depth} of {format} needs {bytes} (truncated file, or dims that disagree with the data)", field: "dim");
            }
            return new NiftiFile(path, stream, header, width, height, depth, format, layout);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads all voxel bytes in stored order; a file shorter than the dimensions say is an error.</summary>
    public byte[] ReadVoxelBytes()
    {
        var length = (long)Width * Height * Depth * VoxelDecoder.BytesPerSample(Format);
        if (length > Array.MaxLength) throw new InvalidInputException(Path, $"{Width}x{Height}x{Depth} voxels are too many to hold in memory", field: "dim");
        var data = GC.AllocateUninitializedArray<byte>((int)length);
        var read = ReadFully(_stream, data, Path);
        if (read < length)
        {
            throw new InvalidInputException(Path, $"the voxel data ends after {read} of {length} bytes; dim {Width}x{Height}x{Depth} of {Format} needs {length} (truncated file, or dims that disagree with the data)", field: "dim");
        }
        return data;
    }

    public void Dispose() => _stream.Dispose();

    private static int ReadFully(Stream stream, byte[] buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidInputException(path, $"the gzip stream is corrupt ({e.Message})", inner: e);
        }
    }

    private static InvalidInputException Truncated(string path, long got, long needed) =>
        new(path, $"the file ends after {got} bytes, before the voxel data at byte {needed}; truncated file", field: "vox_offset");

    private static (int Width, int Height, int Depth) Dimensions(NiftiHeader h, string path)
    {
        var rank = h.Dim[0];
        if (rank < 2 || rank > 7) throw new InvalidInputException(path, $"dim[0] is {rank}; expected 2 to 7 dimensions", field: "dim");
        for (var i = 1; i <= rank; i++)
        {
            if (h.Dim[i] < 1) throw new InvalidInputException(path, $"dim[{i}] is {h.Dim[i]}; every dimension must be at least 1", field: "dim");
        }
        for (var i = 4; i <= rank; i++)
        {
            if (h.Dim[i] != 1) throw new InvalidInputException(path, $"dim[{i}] is {h.Dim[i]}: a {rank}-D image with several volumes; expected one 3-D CT volume", field: "dim");
        }
        if (h.Dim[1] < InputLimits.MinSliceSide || h.Dim[2] < InputLimits.MinSliceSide)
        {
            throw new InvalidInputException(path, $"the slices are {h.Dim[1]}x{h.Dim[2]} voxels; a CT slice needs at least {InputLimits.MinSliceSide}x{InputLimits.MinSliceSide}", field: "dim");
        }
        return (h.Dim[1], h.Dim[2], rank >= 3 ? h.Dim[3] : 1);
    }

    private static SampleFormat SampleFormatOf(NiftiHeader h, string path)
    {
        var format = NiftiDataTypes.ToSampleFormat(h.DataType);
        if (format is null)
        {
            throw new InvalidInputException(path, $"datatype {(short)h.DataType} is not supported; expected uint8 (2), int8 (256), int16 (4), uint16 (512), int32 (8), float32 (16) or float64 (64)", field: "datatype");
        }
        return format.Value;
    }

    /// <summary>The stored value scaling: scl_slope 0 (or not finite) means none, as the standard says.</summary>
    public (double Slope, double Intercept) Scaling()
    {
        var slope = Header.ScaleSlope;
        if (slope == 0 || !float.IsFinite(slope)) return (1, 0);
        var intercept = float.IsFinite(Header.ScaleIntercept) ? Header.ScaleIntercept : 0;
        return (slope, intercept);
    }
}
