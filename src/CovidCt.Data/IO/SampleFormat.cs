namespace CovidCt.Data.IO;

/// <summary>How one stored voxel value is encoded (shared by the DICOM and NIfTI readers).</summary>
internal enum SampleFormat
{
    UInt8,
    Int8,
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float32,
    Float64,
}
