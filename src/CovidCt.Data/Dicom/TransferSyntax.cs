namespace CovidCt.Data.Dicom;

/// <summary>A DICOM transfer syntax: whether this reader decodes it, and its name for error messages.</summary>
internal sealed record TransferSyntax(string Uid, string Name, bool Supported, bool ExplicitVr)
{
    public const string ImplicitLittleEndianUid = "1.2.840.10008.1.2";
    public const string ExplicitLittleEndianUid = "1.2.840.10008.1.2.1";

    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["1.2.840.10008.1.2.1.99"] = "Deflated Explicit VR Little Endian",
        ["1.2.840.10008.1.2.2"] = "Explicit VR Big Endian (retired)",
        ["1.2.840.10008.1.2.4.50"] = "JPEG Baseline (Process 1)",
        ["1.2.840.10008.1.2.4.51"] = "JPEG Extended (Process 2 & 4)",
        ["1.2.840.10008.1.2.4.57"] = "JPEG Lossless, Non-Hierarchical (Process 14)",
        ["1.2.840.10008.1.2.4.70"] = "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, SV1)",
        ["1.2.840.10008.1.2.4.80"] = "JPEG-LS Lossless",
        ["1.2.840.10008.1.2.4.81"] = "JPEG-LS Lossy (Near-Lossless)",
        ["1.2.840.10008.1.2.4.90"] = "JPEG 2000 Image Compression (Lossless Only)",
        ["1.2.840.10008.1.2.4.91"] = "JPEG 2000 Image Compression",
        ["1.2.840.10008.1.2.4.92"] = "JPEG 2000 Part 2 Multi-component (Lossless Only)",
        ["1.2.840.10008.1.2.4.93"] = "JPEG 2000 Part 2 Multi-component",
        ["1.2.840.10008.1.2.4.201"] = "High-Throughput JPEG 2000 (Lossless Only)",
        ["1.2.840.10008.1.2.4.202"] = "High-Throughput JPEG 2000 with RPCL Options (Lossless Only)",
        ["1.2.840.10008.1.2.4.203"] = "High-Throughput JPEG 2000",
        ["1.2.840.10008.1.2.5"] = "RLE Lossless",
    };

    public static TransferSyntax Resolve(string uid) => uid switch
    {
        ImplicitLittleEndianUid => new(uid, "Implicit VR Little Endian", true, false),
        ExplicitLittleEndianUid => new(uid, "Explicit VR Little Endian", true, true),
        _ when Unsupported.TryGetValue(uid, out var name) => new(uid, name, false, true),
        _ when uid.StartsWith("1.2.840.10008.1.2.4.", StringComparison.Ordinal) => new(uid, "a compressed (JPEG/MPEG family) transfer syntax", false, true),
        _ => new(uid, "an unknown transfer syntax", false, true),
    };

    /// <summary>Why the pixels cannot be read, for an unsupported syntax.</summary>
    public string Refusal =>
        $"transfer syntax {Uid} ({Name}) is not supported; only uncompressed Implicit or Explicit VR Little Endian is read. "
        + "Decompress the series first, e.g. with 'gdcmconv --raw' or 'dcmdjpeg'";
}
