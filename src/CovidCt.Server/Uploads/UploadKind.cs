namespace CovidCt.Server.Uploads;

/// <summary>What an upload is, decided from its first bytes (never from its name or content type).</summary>
internal enum UploadKind
{
    /// <summary>A PNG slice.</summary>
    Png,

    /// <summary>A JPEG slice.</summary>
    Jpeg,

    /// <summary>One DICOM Part-10 file.</summary>
    Dicom,

    /// <summary>A .zip holding a DICOM series.</summary>
    Zip,

    /// <summary>A NIfTI-1 or NIfTI-2 volume.</summary>
    Nifti,

    /// <summary>A gzip-compressed NIfTI volume.</summary>
    NiftiGz,
}

/// <summary>Reads the signature of an upload.</summary>
internal static class UploadSignature
{
    /// <summary>Bytes needed to tell every kind apart (DICOM's "DICM" sits at offset 128).</summary>
    public const int Length = 132;

    /// <summary>The kind of <paramref name="head"/>, or null when it is none of the accepted forms.</summary>
    public static UploadKind? Of(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return UploadKind.Png;
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return UploadKind.Jpeg;
        if (head.Length >= 132 && head.Slice(128, 4).SequenceEqual("DICM"u8)) return UploadKind.Dicom;
        // A zip starts with its first entry, or with the end record when it has none.
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return UploadKind.Zip;
        if (head.StartsWith(new byte[] { 0x1F, 0x8B })) return UploadKind.NiftiGz;
        if (head.Length >= 4 && IsNiftiHeaderSize(BitConverter.ToInt32(head[..4]))) return UploadKind.Nifti;
        return null;
    }

    // sizeof_hdr is 348 (NIfTI-1) or 540 (NIfTI-2), in either byte order.
    private static bool IsNiftiHeaderSize(int size) =>
        size is 348 or 540 || System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(size) is 348 or 540;

    /// <summary>The file name the readers expect for <paramref name="kind"/>.</summary>
    public static string FileName(UploadKind kind) => kind switch
    {
        UploadKind.Png => "slice.png",
        UploadKind.Jpeg => "slice.jpg",
        UploadKind.Dicom => "slice.dcm",
        UploadKind.Zip => "series.zip",
        UploadKind.Nifti => "volume.nii",
        _ => "volume.nii.gz",
    };

    /// <summary>True for the kinds that hold one slice (the per-slice size limit applies).</summary>
    public static bool IsSlice(UploadKind kind) => kind is UploadKind.Png or UploadKind.Jpeg or UploadKind.Dicom;
}
