using CovidCt.Data.IO;

namespace CovidCt.Data.Nifti;

/// <summary>The NIfTI-1 <c>datatype</c> codes this project reads (and, for int16, float32 and uint8, writes).</summary>
internal enum NiftiDataType : short
{
    UInt8 = 2,
    Int16 = 4,
    Int32 = 8,
    Float32 = 16,
    Float64 = 64,
    Int8 = 256,
    UInt16 = 512,
}

internal static class NiftiDataTypes
{
    /// <summary>The sample format of a datatype code, or null when this project does not read it.</summary>
    public static SampleFormat? ToSampleFormat(NiftiDataType type) => type switch
    {
        NiftiDataType.UInt8 => SampleFormat.UInt8,
        NiftiDataType.Int8 => SampleFormat.Int8,
        NiftiDataType.Int16 => SampleFormat.Int16,
        NiftiDataType.UInt16 => SampleFormat.UInt16,
        NiftiDataType.Int32 => SampleFormat.Int32,
        NiftiDataType.Float32 => SampleFormat.Float32,
        NiftiDataType.Float64 => SampleFormat.Float64,
        _ => null,
    };
}
