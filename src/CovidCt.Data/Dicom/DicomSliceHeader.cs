namespace CovidCt.Data.Dicom;

/// <summary>The attributes of one DICOM image file that a CT volume needs, and where its pixel data lies.</summary>
internal sealed class DicomSliceHeader
{
    public required string File { get; init; }
    public required TransferSyntax TransferSyntax { get; init; }
    public int? Rows { get; set; }
    public int? Columns { get; set; }
    public int? BitsAllocated { get; set; }
    public int? BitsStored { get; set; }
    public int PixelRepresentation { get; set; }
    public int SamplesPerPixel { get; set; } = 1;
    public int NumberOfFrames { get; set; } = 1;
    public double? RescaleSlope { get; set; }
    public double? RescaleIntercept { get; set; }
    public double[]? PixelSpacing { get; set; }
    public double[]? ImagePosition { get; set; }
    public double[]? ImageOrientation { get; set; }
    public int? InstanceNumber { get; set; }
    public string? SeriesInstanceUid { get; set; }
    public double? SliceThickness { get; set; }

    /// <summary>Byte offset of the Pixel Data value in the file, or -1 when the file has no Pixel Data.</summary>
    public long PixelDataOffset { get; set; } = -1;

    /// <summary>Length of the Pixel Data value in bytes.</summary>
    public long PixelDataLength { get; set; }
}
