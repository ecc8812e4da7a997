using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CovidCt.Data.IO;

/// <summary>
/// Turns raw stored voxel bytes into rescaled float values (value = stored x slope + intercept), one tight loop per
/// format with no per-voxel virtual calls.
/// </summary>
/// <remarks>
/// The rescale is computed in double and rounded once to float, which is what pydicom's modality LUT and nibabel's
/// <c>get_fdata</c> produce after a cast to float32, so values agree exactly.
/// </remarks>
internal static class VoxelDecoder
{
    public static int BytesPerSample(SampleFormat format) => format switch
    {
        SampleFormat.UInt8 or SampleFormat.Int8 => 1,
        SampleFormat.UInt16 or SampleFormat.Int16 => 2,
        SampleFormat.UInt32 or SampleFormat.Int32 or SampleFormat.Float32 => 4,
        SampleFormat.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Decodes <paramref name="destination"/>.Length samples from <paramref name="raw"/>.</summary>
    /// <param name="raw">Exactly <c>destination.Length * BytesPerSample(format)</c> bytes.</param>
    /// <param name="format">The stored sample type.</param>
    /// <param name="bigEndian">Byte order of the stored samples.</param>
    /// <param name="slope">Multiplier applied to each stored value.</param>
    /// <param name="intercept">Offset added after the multiplier.</param>
    /// <param name="destination">Receives the rescaled values.</param>
    public static void Decode(ReadOnlySpan<byte> raw, SampleFormat format, bool bigEndian, double slope, double intercept, Span<float> destination)
    {
        if (raw.Length != destination.Length * BytesPerSample(format)) throw new ArgumentException("raw length does not match the sample count", nameof(raw));
        var swap = bigEndian == BitConverter.IsLittleEndian;
        switch (format)
        {
            case SampleFormat.UInt8: Rescale(raw, slope, intercept, destination); break;
            case SampleFormat.Int8: Rescale(MemoryMarshal.Cast<byte, sbyte>(raw), slope, intercept, destination); break;
            case SampleFormat.UInt16: Rescale(Native<ushort>(raw, swap), slope, intercept, destination); break;
            case SampleFormat.Int16: Rescale(Native<short>(raw, swap), slope, intercept, destination); break;
            case SampleFormat.UInt32: Rescale(Native<uint>(raw, swap), slope, intercept, destination); break;
            case SampleFormat.Int32: Rescale(Native<int>(raw, swap), slope, intercept, destination); break;
            case SampleFormat.Float32: Rescale(Native<float>(raw, swap), slope, intercept, destination); break;
            case SampleFormat.Float64: Rescale(Native<double>(raw, swap), slope, intercept, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    /// <summary>Reinterprets the bytes as <typeparamref name="T"/>; when the byte order differs from the machine's, swaps into a copy.</summary>
    private static ReadOnlySpan<T> Native<T>(ReadOnlySpan<byte> raw, bool swap) where T : unmanaged
    {
        if (!swap) return MemoryMarshal.Cast<byte, T>(raw);
        var copy = raw.ToArray();
        var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        switch (size)
        {
            case 2: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(copy), MemoryMarshal.Cast<byte, ushort>(copy.AsSpan())); break;
            case 4: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(copy), MemoryMarshal.Cast<byte, uint>(copy.AsSpan())); break;
            case 8: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(copy), MemoryMarshal.Cast<byte, ulong>(copy.AsSpan())); break;
        }
        return MemoryMarshal.Cast<byte, T>(copy);
    }

    // Every int16 is a float exactly, so the vector path gives the scalar loop's values bit for bit.
    private static void Widen(ReadOnlySpan<short> source, Span<float> destination)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector256<short>.Count; i += Vector256<short>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.Create(source.Slice(i, Vector256<short>.Count)));
                Vector256.ConvertToSingle(lower).CopyTo(destination.Slice(i));
                Vector256.ConvertToSingle(upper).CopyTo(destination.Slice(i + Vector256<int>.Count));
            }
        }
        for (; i < source.Length; i++) destination[i] = source[i];
    }

    private static void Widen(ReadOnlySpan<byte> source, Span<float> destination)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.Create(source.Slice(i, Vector256<byte>.Count)));
                Widen(lower, destination.Slice(i));
                Widen(upper, destination.Slice(i + Vector256<ushort>.Count));
            }
        }
        for (; i < source.Length; i++) destination[i] = source[i];
    }

    private static void Widen(Vector256<ushort> values, Span<float> destination)
    {
        var (lower, upper) = Vector256.Widen(values);
        Vector256.ConvertToSingle(lower.AsInt32()).CopyTo(destination);
        Vector256.ConvertToSingle(upper.AsInt32()).CopyTo(destination.Slice(Vector256<uint>.Count));
    }

    private static void Rescale<T>(ReadOnlySpan<T> source, double slope, double intercept, Span<float> destination) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        if (slope == 1 && intercept == 0)
        {
            // CT's int16 voxels and uint8 masks, the common unscaled case, 16 or 32 at a time (reading is on evaluate's CPU budget).
            if (typeof(T) == typeof(short)) Widen(MemoryMarshal.Cast<T, short>(source), destination);
            else if (typeof(T) == typeof(byte)) Widen(MemoryMarshal.Cast<T, byte>(source), destination);
            else for (var i = 0; i < source.Length; i++) destination[i] = float.CreateTruncating(source[i]);
            return;
        }
        if (typeof(T) == typeof(short) && Avx.IsSupported)
        {
            RescaleAvx(MemoryMarshal.Cast<T, short>(source), slope, intercept, destination);
            return;
        }
        for (var i = 0; i < source.Length; i++) destination[i] = (float)(double.CreateTruncating(source[i]) * slope + intercept);
    }

    // Scaled int16 (DICOM's rescale, a NIfTI with scl_inter -1024), 8 at a time with the scalar loop's exact operations: each
    // int16 to double (exact), a double multiply, then a separate double add (no fused multiply-add, which would round once
    // instead of twice), then one rounding to float to nearest even, as the (float) cast does.
    private static void RescaleAvx(ReadOnlySpan<short> source, double slope, double intercept, Span<float> destination)
    {
        var (slopes, intercepts) = (Vector256.Create(slope), Vector256.Create(intercept));
        var i = 0;
        for (; i <= source.Length - Vector128<short>.Count; i += Vector128<short>.Count)
        {
            var (lower, upper) = Vector128.Widen(Vector128.Create(source.Slice(i, Vector128<short>.Count)));
            Avx.ConvertToVector128Single(Avx.Add(Avx.Multiply(Avx.ConvertToVector256Double(lower), slopes), intercepts)).CopyTo(destination.Slice(i));
            Avx.ConvertToVector128Single(Avx.Add(Avx.Multiply(Avx.ConvertToVector256Double(upper), slopes), intercepts)).CopyTo(destination.Slice(i + Vector128<int>.Count));
        }
        for (; i < source.Length; i++) destination[i] = (float)(source[i] * slope + intercept);
    }
}
