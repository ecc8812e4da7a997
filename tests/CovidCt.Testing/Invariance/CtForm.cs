using CovidCt.Imaging;

namespace CovidCt.Testing.Invariance;

/// <summary>Where a form keeps its slices.</summary>
public enum CtContainer
{
    /// <summary>A DICOM series (HU, exact geometry).</summary>
    Dicom,

    /// <summary>A NIfTI volume (HU, exact geometry).</summary>
    Nifti,

    /// <summary>A folder of 8-bit PNG/JPEG slices exported at <see cref="CtForm.Window"/>, stated in the manifest.</summary>
    SliceFolder,
}

/// <summary>
/// One way a researcher may hand over the same CT (issue #14, item 8): the container, and for slice folders the export
/// window, the encoding and a geometric edit.
/// </summary>
/// <param name="Name">Short name for messages and folders.</param>
/// <param name="Container">DICOM, NIfTI or a slice folder.</param>
/// <param name="Window">The export window of a slice folder (it goes into the manifest's window column); null for DICOM and NIfTI.</param>
/// <param name="Format">The encoding of a slice folder's files.</param>
/// <param name="Geometry">The geometric edit of a slice folder's slices.</param>
public sealed record CtForm(string Name, CtContainer Container, HounsfieldWindow? Window = null, SliceImageFormat Format = SliceImageFormat.GrayPng,
    SliceGeometryChange Geometry = SliceGeometryChange.None)
{
    /// <summary>The reference every other form is compared with: the DICOM series, as it comes off the scanner.</summary>
    public static CtForm Reference { get; } = new("dicom", CtContainer.Dicom);

    /// <summary>
    /// The forms of the issue besides the reference: NIfTI; gray PNG at three windows (the study's lung window, a common
    /// lung window and a wide one); JPEG at quality 90; RGB PNG; and, at the study's window, cropped to the chest, padded,
    /// and resized to 531 x 530.
    /// </summary>
    public static IReadOnlyList<CtForm> Others { get; } =
    [
        new("nifti", CtContainer.Nifti),
        new("png-w1200-l-700", CtContainer.SliceFolder, StudyProtocol.LungWindow),
        new("png-w1500-l-600", CtContainer.SliceFolder, new HounsfieldWindow(1500, -600)),
        new("png-w2000-l-100", CtContainer.SliceFolder, new HounsfieldWindow(2000, -100)),
        new("jpeg-q90", CtContainer.SliceFolder, StudyProtocol.LungWindow, SliceImageFormat.Jpeg90),
        new("rgb-png", CtContainer.SliceFolder, StudyProtocol.LungWindow, SliceImageFormat.RgbPng),
        new("cropped-to-chest", CtContainer.SliceFolder, StudyProtocol.LungWindow, Geometry: SliceGeometryChange.CropToChest),
        new("padded", CtContainer.SliceFolder, StudyProtocol.LungWindow, Geometry: SliceGeometryChange.Pad),
        new("resized-531x530", CtContainer.SliceFolder, StudyProtocol.LungWindow, Geometry: SliceGeometryChange.Resize531x530),
    ];

    /// <summary>Every form by name, the reference first.</summary>
    public static IReadOnlyList<CtForm> All { get; } = [Reference, .. Others];

    /// <summary>The form called <paramref name="name"/>.</summary>
    public static CtForm Named(string name) => All.Single(f => f.Name == name);

    public override string ToString() => Name;
}
