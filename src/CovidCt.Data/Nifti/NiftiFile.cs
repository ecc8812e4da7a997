using System.IO.Compression;
using CovidCt.Data.IO;

namespace CovidCt.Data.Nifti;

/// <summary>A NIfTI-1 file opened up to its voxel data: the header, the resolved layout, and the stream positioned at the first voxel.</summary>
internal sealed class NiftiFile : IDisposable
{
    private readonly Stream _stream;

    // The compressed file's length in bytes (null for an uncompressed file): the most voxel data it can inflate to is bounded by it.
    private readonly long? _compressedLength;

    private NiftiFile(string path, Stream stream, long? compressedLength, NiftiHeader header, int width, int height, int depth, SampleFormat format, NiftiLayout layout)
    {
        Path = path;
        _stream = stream;
        _compressedLength = compressedLength;
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

    /// <summary>
    /// Opens <paramref name="path"/> (.nii or gzip-compressed, recognised by content) and validates the header, refusing a grid
    /// above <paramref name="limits"/>; null when the caller bounds the grid itself (a mask must have its image's grid).
    /// </summary>
    public static NiftiFile Open(string path, InputLimits? limits)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file not found; expected a NIfTI-1 file (.nii or .nii.gz)");
        Stream stream = InputPaths.OpenRead(path, 1 << 20);
        long? compressedLength = null;
        try
        {
            if (IsGzip(path))
            {
                compressedLength = stream.Length;
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }
            var head = new byte[NiftiHeader.MinimumVoxelOffset];
            var got = ReadFully(stream, head, path);
            var header = NiftiHeader.Parse(head.AsSpan(0, got), path);
            var (width, height, depth) = Dimensions(header, path);
            var format = SampleFormatOf(header, path);
            if (limits is not null) RequireWithin(path, width, height, depth, limits);
            var voxelOffset = (long)header.VoxelOffset;
            if (header.VoxelOffset != voxelOffset || voxelOffset < NiftiHeader.MinimumVoxelOffset)
            {
                throw new InvalidInputException(path, $"vox_offset is {header.VoxelOffset}; expected a whole number of bytes of at least {NiftiHeader.MinimumVoxelOffset}", field: "vox_offset");
            }
            if (got < NiftiHeader.MinimumVoxelOffset) throw Truncated(path, got, voxelOffset);
            var bytes = (long)width * height * depth * VoxelDecoder.BytesPerSample(format);
            // An uncompressed file's length is known before reading: a cut file is refused here, when a manifest is checked,
            // and a vox_offset past the end never allocates room for extensions that are not there.
            if (stream is FileStream && stream.Length < voxelOffset) throw Truncated(path, stream.Length, voxelOffset);
            if (stream is FileStream && stream.Length < voxelOffset + bytes)
            {
                throw new InvalidInputException(path, $"the voxel data has {stream.Length - voxelOffset} of {bytes} bytes; dim {width}x{height}x{depth} of {format} needs {bytes} (truncated file, or dims that disagree with the data)", field: "dim");
            }
            GeometryExtension? extension = null;
            if (voxelOffset > NiftiHeader.MinimumVoxelOffset)
            {
                var extensions = ReadExtensions(stream, voxelOffset - NiftiHeader.MinimumVoxelOffset, path);
                if (head[348] != 0) extension = GeometryExtension.Find(extensions, header.BigEndian);
            }
            var layout = NiftiLayout.Resolve(header, width, height, depth, extension, path);
            return new NiftiFile(path, stream, compressedLength, header, width, height, depth, format, layout);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static void RequireWithin(string path, int width, int height, int depth, InputLimits limits)
    {
        if (limits.TooManyPixels(width, height) is { } pixels) throw new InvalidInputException(path, pixels, field: "dim");
        if (limits.TooManyVoxels((long)width * height * depth, $"{width}x{height}x{depth}") is { } voxels) throw new InvalidInputException(path, voxels, field: "dim");
    }

    /// <summary>
    /// Reads and rescales every voxel in stored order into one volume, a chunk at a time, so the stored bytes never need an
    /// array of their own (a float64 volume would otherwise take three times its float size while being read).
    /// </summary>
    /// <exception cref="InvalidInputException">When the file is shorter than the dimensions say.</exception>
    public float[] ReadValues()
    {
        var volume = GC.AllocateUninitializedArray<float>(VolumeLength());
        for (long done = 0; done < volume.Length; done += ChunkSamples) ReadChunk(volume.AsSpan((int)done, (int)Math.Min(ChunkSamples, volume.Length - done)), done, volume.Length);
        ReadGzipTrailer();
        return volume;
    }

    /// <summary>
    /// The stored bytes of a uint8 file, unscaled, straight into one array (a mask: no float per voxel in between).
    /// </summary>
    /// <exception cref="InvalidInputException">When the file is shorter than the dimensions say.</exception>
    public byte[] ReadBytes()
    {
        if (Format != SampleFormat.UInt8) throw new InvalidOperationException($"{Format} voxels are not bytes");
        var volume = GC.AllocateUninitializedArray<byte>(VolumeLength());
        var read = ReadFully(_stream, volume, Path);
        if (read < volume.Length) throw DataEnds(read, volume.Length);
        ReadGzipTrailer();
        return volume;
    }

    // The voxels end before the gzip member's trailer, and zlib checks the CRC-32 and length stored there only when it reads
    // them: without this, a stream garbled in a way that still inflates gave other voxels without a word. Whatever lies after
    // the voxels is read to the end (and dropped), so a bad check value is refused as a corrupt stream, naming the file.
    private void ReadGzipTrailer()
    {
        if (_compressedLength is null) return;
        Span<byte> rest = stackalloc byte[4096];
        while (ReadFully(_stream, rest, Path) > 0)
        {
        }
    }

    // The voxel count, checked to fit one array and, for a compressed file, to be within what its bytes can inflate to: a few
    // bytes declaring a large grid are refused as truncated before the grid is allocated (a 132-byte .nii.gz declaring
    // 16392x264x114 once allocated 1.97 GB). A volume beyond deflate's bound (DeflateBound) cannot be in the file; one within it
    // is allocated once and inflated straight into it.
    private int VolumeLength()
    {
        var count = (long)Width * Height * Depth;
        if (count > Array.MaxLength) throw new InvalidInputException(Path, $"{Width}x{Height}x{Depth} voxels are more than one array can hold ({Array.MaxLength:N0})", field: "dim");
        var length = count * VoxelDecoder.BytesPerSample(Format);
        if (_compressedLength is { } compressed && length > DeflateBound.InflatesToAtMost(compressed))
        {
            throw new InvalidInputException(Path, $"the voxel data needs {length} bytes but {compressed} compressed bytes inflate to at most {DeflateBound.InflatesToAtMost(compressed)}; dim {Width}x{Height}x{Depth} of {Format} needs {length} (truncated file, or dims that disagree with the data)", field: "dim");
        }
        return (int)count;
    }

    private InvalidInputException DataEnds(long readBytes, long length) =>
        new(Path, $"the voxel data ends after {readBytes} of {length} bytes; dim {Width}x{Height}x{Depth} of {Format} needs {length} (truncated file, or dims that disagree with the data)", field: "dim");

    private void ReadChunk(Span<float> destination, long done, long count)
    {
        var sampleBytes = VoxelDecoder.BytesPerSample(Format);
        var (slope, intercept) = Scaling();
        var raw = _chunk ??= new byte[ChunkSamples * sampleBytes];
        var wanted = destination.Length * sampleBytes;
        var read = ReadFully(_stream, raw.AsSpan(0, wanted), Path);
        if (read < wanted) throw DataEnds(done * sampleBytes + read, count * sampleBytes);
        VoxelDecoder.Decode(raw.AsSpan(0, wanted), Format, Header.BigEndian, slope, intercept, destination);
    }

    private byte[]? _chunk;

    private const int ChunkSamples = 1 << 18;

    public void Dispose() => _stream.Dispose();

    private static int ReadFully(Stream stream, Span<byte> buffer, string path)
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

    // Extensions are read as they arrive, so a compressed file whose vox_offset lies far past its data is refused as truncated
    // without first allocating the space it declares.
    private static byte[] ReadExtensions(Stream stream, long length, string path)
    {
        using var extensions = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (extensions.Length < length)
        {
            var read = ReadFully(stream, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - extensions.Length)), path);
            extensions.Write(buffer, 0, read);
            if (read == 0) throw Truncated(path, NiftiHeader.MinimumVoxelOffset + extensions.Length, NiftiHeader.MinimumVoxelOffset + length);
        }
        return extensions.ToArray();
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
        if (InputLimits.TooSmall(h.Dim[1], h.Dim[2]) is { } tooSmall) throw new InvalidInputException(path, tooSmall, field: "dim");
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
