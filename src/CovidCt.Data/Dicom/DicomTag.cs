namespace CovidCt.Data.Dicom;

/// <summary>The DICOM tags this reader uses, as (group &lt;&lt; 16 | element).</summary>
internal static class DicomTag
{
    public const uint TransferSyntaxUid = 0x0002_0010;
    public const uint SliceThickness = 0x0018_0050;
    public const uint SeriesInstanceUid = 0x0020_000E;
    public const uint InstanceNumber = 0x0020_0013;
    public const uint ImagePositionPatient = 0x0020_0032;
    public const uint ImageOrientationPatient = 0x0020_0037;
    public const uint SamplesPerPixel = 0x0028_0002;
    public const uint NumberOfFrames = 0x0028_0008;
    public const uint Rows = 0x0028_0010;
    public const uint Columns = 0x0028_0011;
    public const uint PixelSpacing = 0x0028_0030;
    public const uint BitsAllocated = 0x0028_0100;
    public const uint BitsStored = 0x0028_0101;
    public const uint PixelRepresentation = 0x0028_0103;
    public const uint RescaleIntercept = 0x0028_1052;
    public const uint RescaleSlope = 0x0028_1053;
    public const uint PixelData = 0x7FE0_0010;
    public const uint Item = 0xFFFE_E000;
    public const uint ItemDelimitation = 0xFFFE_E00D;
    public const uint SequenceDelimitation = 0xFFFE_E0DD;

    /// <summary>The tag as DICOM writes it, e.g. (0028,0010) Rows.</summary>
    public static string Name(uint tag) => tag switch
    {
        Rows => "(0028,0010) Rows",
        Columns => "(0028,0011) Columns",
        BitsAllocated => "(0028,0100) Bits Allocated",
        BitsStored => "(0028,0101) Bits Stored",
        PixelRepresentation => "(0028,0103) Pixel Representation",
        PixelSpacing => "(0028,0030) Pixel Spacing",
        PixelData => "(7FE0,0010) Pixel Data",
        SeriesInstanceUid => "(0020,000E) Series Instance UID",
        ImagePositionPatient => "(0020,0032) Image Position (Patient)",
        ImageOrientationPatient => "(0020,0037) Image Orientation (Patient)",
        SamplesPerPixel => "(0028,0002) Samples per Pixel",
        NumberOfFrames => "(0028,0008) Number of Frames",
        RescaleIntercept => "(0028,1052) Rescale Intercept",
        RescaleSlope => "(0028,1053) Rescale Slope",
        TransferSyntaxUid => "(0002,0010) Transfer Syntax UID",
        _ => $"({tag >> 16:X4},{tag & 0xFFFF:X4})",
    };
}
