using CovidCt.Data.IO;

namespace CovidCt.Data.Dicom;

/// <summary>
/// One validated series: its slice headers in volume order, their common pixel format, the grid, and the geometry the grid
/// assumes because the files did not state it (<see cref="ReadAssumption"/>).
/// </summary>
internal sealed record DicomSeries(string? SeriesInstanceUid, IReadOnlyList<DicomSliceHeader> Slices, VolumeGeometry Geometry, SampleFormat Format, int BitsAllocated, int BitsStored,
    IReadOnlyList<ReadAssumption> Assumptions)
{
    private const double DuplicateTolerance = 1e-3; // mm

    // What a slice without Image Orientation (Patient) is read as: the standard axial orientation of VolumeGeometry.
    private static readonly double[] Axial = [1, 0, 0, 0, 1, 0];

    public int SliceBytes => Geometry.SliceLength * BitsAllocated / 8;

    /// <summary>Scans <paramref name="folder"/> and picks the series: the one given, else the only one; refused above <paramref name="limits"/>.</summary>
    public static DicomSeries Select(string folder, string? seriesInstanceUid, InputLimits limits)
    {
        var (headers, skipped) = DicomFileScanner.Scan(folder);
        if (headers.Count == 0)
        {
            throw new InvalidInputException(folder, skipped == 0
                ? "the folder is empty; expected DICOM files (searched recursively)"
                : $"no DICOM Part-10 files found ({skipped} other file(s) skipped); expected a DICOM series, a NIfTI file or PNG/JPEG slices");
        }
        var groups = headers.GroupBy(h => h.SeriesInstanceUid ?? "").ToList();
        IGrouping<string, DicomSliceHeader> chosen;
        if (seriesInstanceUid is not null)
        {
            chosen = groups.FirstOrDefault(g => g.Key == seriesInstanceUid)
                ?? throw new InvalidInputException(folder, $"no series {seriesInstanceUid} here; the folder holds: {Listing(groups)}", field: "--series");
        }
        else if (groups.Count > 1)
        {
            throw new InvalidInputException(folder, $"the folder holds {groups.Count} series; choose one with --series: {Listing(groups)}", field: "--series");
        }
        else chosen = groups[0];
        return Build(folder, chosen.Key.Length == 0 ? null : chosen.Key, chosen.ToList(), limits);
    }

    /// <summary>One DICOM file as a one-slice series.</summary>
    /// <exception cref="InvalidInputException">When the file is not a DICOM Part-10 CT slice with the fields a slice needs.</exception>
    public static DicomSeries FromFile(string file, InputLimits limits)
    {
        var header = DicomFileScanner.ReadHeader(file) ?? throw new InvalidInputException(file, "not a DICOM Part-10 file; expected one DICOM CT slice");
        return Build(file, header.SeriesInstanceUid, [header], limits);
    }

    private static string Listing(IEnumerable<IGrouping<string, DicomSliceHeader>> groups) =>
        string.Join("; ", groups.Select(g => $"{(g.Key.Length == 0 ? "(no Series Instance UID)" : g.Key)} ({g.Count()} files)"));

    private static DicomSeries Build(string folder, string? uid, List<DicomSliceHeader> slices, InputLimits limits)
    {
        var first = slices[0];
        foreach (var s in slices) Validate(s, limits);
        foreach (var s in slices.Skip(1)) RequireSameFormat(first, s);
        var voxels = (long)first.Rows!.Value * first.Columns!.Value * slices.Count;
        if (limits.TooManyVoxels(voxels, $"{first.Columns}x{first.Rows}x{slices.Count}") is { } tooMany) throw new InvalidInputException(folder, "the series " + tooMany, field: DicomTag.Name(DicomTag.Rows));
        var rows = first.Rows!.Value;
        var columns = first.Columns!.Value;
        var format = (first.BitsAllocated, first.PixelRepresentation) switch
        {
            (8, 0) => SampleFormat.UInt8,
            (8, _) => SampleFormat.Int8,
            (16, 0) => SampleFormat.UInt16,
            (16, _) => SampleFormat.Int16,
            (32, 0) => SampleFormat.UInt32,
            _ => SampleFormat.Int32,
        };
        var bitsStored = first.BitsStored ?? first.BitsAllocated!.Value;
        if (bitsStored != first.BitsAllocated && first.BitsAllocated != 16)
        {
            throw new InvalidInputException(first.File, $"Bits Stored {bitsStored} below Bits Allocated {first.BitsAllocated} is only supported for 16-bit pixels", field: DicomTag.Name(DicomTag.BitsStored));
        }

        // Every slice has the first one's orientation or, like it, none (RequireSameFormat).
        var orientation = first.ImageOrientation ?? Axial;
        var (sorted, positions) = Sort(folder, slices, orientation);
        var rowDirection = new Vector3D(orientation[0], orientation[1], orientation[2]);
        var columnDirection = new Vector3D(orientation[3], orientation[4], orientation[5]);
        var origin = sorted[0].ImagePosition is { } p ? new Vector3D(p[0], p[1], p[2]) : new Vector3D(0, 0, 0);
        var thickness = first.SliceThickness ?? (positions.Length > 1 ? (positions[^1] - positions[0]) / (positions.Length - 1) : 0);
        // Pixel Spacing is (between rows, between columns).
        var geometry = new VolumeGeometry(columns, rows, sorted.Count, first.PixelSpacing![1], first.PixelSpacing[0], positions, thickness, rowDirection, columnDirection, origin);
        return new DicomSeries(uid, sorted, geometry, format, first.BitsAllocated!.Value, bitsStored, DicomAssumptions.Of(folder, sorted, positions));
    }

    private static void Validate(DicomSliceHeader s, InputLimits limits)
    {
        if (s.PixelDataOffset < 0) throw new InvalidInputException(s.File, "the file has no Pixel Data; expected an image", field: DicomTag.Name(DicomTag.PixelData));
        Require(s, s.Rows, DicomTag.Rows);
        Require(s, s.Columns, DicomTag.Columns);
        Require(s, s.BitsAllocated, DicomTag.BitsAllocated);
        Require(s, s.PixelSpacing, DicomTag.PixelSpacing);
        if (InputLimits.TooSmall(s.Columns!.Value, s.Rows!.Value) is { } tooSmall) throw new InvalidInputException(s.File, tooSmall, field: DicomTag.Name(DicomTag.Rows));
        if (limits.TooManyPixels(s.Columns.Value, s.Rows.Value) is { } tooMany) throw new InvalidInputException(s.File, "the image " + tooMany, field: DicomTag.Name(DicomTag.Rows));
        if (s.ImageOrientation is { } o) RequireOrientation(s.File, o);
        if (s.BitsAllocated is not (8 or 16 or 32)) throw new InvalidInputException(s.File, $"Bits Allocated is {s.BitsAllocated}; expected 8, 16 or 32", field: DicomTag.Name(DicomTag.BitsAllocated));
        if (s.SamplesPerPixel != 1) throw new InvalidInputException(s.File, $"Samples per Pixel is {s.SamplesPerPixel}; a CT image has 1 (grayscale)", field: DicomTag.Name(DicomTag.SamplesPerPixel));
        if (s.NumberOfFrames != 1) throw new InvalidInputException(s.File, $"the file holds {s.NumberOfFrames} frames; multi-frame (enhanced) CT is not supported, expected one slice per file", field: DicomTag.Name(DicomTag.NumberOfFrames));
        RequireRescale(s);
        if (s.PixelSpacing![0] <= 0 || s.PixelSpacing[1] <= 0) throw new InvalidInputException(s.File, "Pixel Spacing must be positive", field: DicomTag.Name(DicomTag.PixelSpacing));
        var needed = (long)s.Rows!.Value * s.Columns!.Value * (s.BitsAllocated!.Value / 8);
        if (s.PixelDataLength < needed)
        {
            throw new InvalidInputException(s.File, $"Pixel Data holds {s.PixelDataLength} bytes; {s.Rows} rows x {s.Columns} columns x {s.BitsAllocated / 8} bytes need {needed}", field: DicomTag.Name(DicomTag.PixelData));
        }
    }

    // Row and column directions must be unit vectors at right angles; all zeros (a blanked tag) has no direction at all.
    private static void RequireOrientation(string file, double[] o)
    {
        double row = Math.Sqrt(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]), column = Math.Sqrt(o[3] * o[3] + o[4] * o[4] + o[5] * o[5]);
        var dot = o[0] * o[3] + o[1] * o[4] + o[2] * o[5];
        if (Math.Abs(row - 1) > 0.01 || Math.Abs(column - 1) > 0.01 || Math.Abs(dot) > 0.01)
        {
            throw new InvalidInputException(file, $"Image Orientation (Patient) is {string.Join('\\', o)}; expected two unit direction vectors at right angles (axial: 1\\0\\0\\0\\1\\0)", field: DicomTag.Name(DicomTag.ImageOrientationPatient));
        }
    }

    private static void Require(DicomSliceHeader s, object? value, uint tag)
    {
        if (value is null) throw new InvalidInputException(s.File, $"the attribute {DicomTag.Name(tag)} is missing; it is required to read the pixels", field: DicomTag.Name(tag));
    }

    // Stored values are HU only through Rescale Slope and Intercept (Type 1 in the CT Image module): without them, unsigned
    // pixels stored with the usual intercept of -1024 would be read 1024 HU too dense, with no error anywhere downstream.
    // The parser has already refused values that are not finite numbers.
    private static void RequireRescale(DicomSliceHeader s)
    {
        foreach (var tag in new[] { DicomTag.RescaleIntercept, DicomTag.RescaleSlope })
        {
            if ((tag == DicomTag.RescaleSlope ? s.RescaleSlope : s.RescaleIntercept) is null)
            {
                throw new InvalidInputException(s.File, $"the attribute {DicomTag.Name(tag)} is missing; a CT slice needs it to give Hounsfield units (stored value x Rescale Slope + Rescale Intercept)", field: DicomTag.Name(tag));
            }
        }
        if (s.RescaleSlope == 0) throw new InvalidInputException(s.File, "Rescale Slope is 0, which maps every stored value to the intercept; expected a non-zero factor (usually 1)", field: DicomTag.Name(DicomTag.RescaleSlope));
    }

    private static void RequireSameFormat(DicomSliceHeader first, DicomSliceHeader s)
    {
        void Differs(string what, uint tag, object? a, object? b) =>
            throw new InvalidInputException(s.File, $"{what} is {b} but {a} in {first.File}; every slice of a series must match", field: DicomTag.Name(tag));

        if (s.Rows != first.Rows || s.Columns != first.Columns) Differs("the size", DicomTag.Rows, $"{first.Columns}x{first.Rows}", $"{s.Columns}x{s.Rows}");
        if (s.BitsAllocated != first.BitsAllocated) Differs("Bits Allocated", DicomTag.BitsAllocated, first.BitsAllocated, s.BitsAllocated);
        if (s.BitsStored != first.BitsStored) Differs("Bits Stored", DicomTag.BitsStored, first.BitsStored, s.BitsStored);
        if (s.PixelRepresentation != first.PixelRepresentation) Differs("Pixel Representation", DicomTag.PixelRepresentation, first.PixelRepresentation, s.PixelRepresentation);
        if (Math.Abs(s.PixelSpacing![0] - first.PixelSpacing![0]) > 1e-4 || Math.Abs(s.PixelSpacing[1] - first.PixelSpacing[1]) > 1e-4)
        {
            Differs("Pixel Spacing", DicomTag.PixelSpacing, string.Join('\\', first.PixelSpacing), string.Join('\\', s.PixelSpacing));
        }
        if ((s.ImageOrientation is null) != (first.ImageOrientation is null)
            || s.ImageOrientation is not null && s.ImageOrientation.Zip(first.ImageOrientation!).Any(p => Math.Abs(p.First - p.Second) > 1e-4))
        {
            Differs("Image Orientation (Patient)", DicomTag.ImageOrientationPatient, Join(first.ImageOrientation), Join(s.ImageOrientation));
        }
    }

    private static string Join(double[]? values) => values is null ? "missing" : string.Join('\\', values);

    /// <summary>
    /// Slices in increasing position along the normal of <paramref name="orientation"/> (the files' own, or axial when they state
    /// none), else by Instance Number when no slice has a position.
    /// </summary>
    private static (List<DicomSliceHeader> Sorted, double[] Positions) Sort(string folder, List<DicomSliceHeader> slices, double[] orientation)
    {
        var unplaced = slices.Where(s => s.ImagePosition is null).ToList();
        if (unplaced.Count == 0)
        {
            var o = orientation;
            var normal = new Vector3D(o[0], o[1], o[2]).Cross(new Vector3D(o[3], o[4], o[5]));
            var byPosition = slices.Select(s => (Slice: s, Position: new Vector3D(s.ImagePosition![0], s.ImagePosition[1], s.ImagePosition[2]).Dot(normal)))
                .OrderBy(p => p.Position).ToList();
            for (var i = 1; i < byPosition.Count; i++)
            {
                if (byPosition[i].Position - byPosition[i - 1].Position < DuplicateTolerance)
                {
                    throw new InvalidInputException(byPosition[i].Slice.File,
                        $"two slices at the same position {byPosition[i].Position:0.###} mm along the normal{(ReferenceEquals(orientation, Axial) ? " of the axial orientation assumed (the files state none: a series of another orientation?)" : "")} (also {byPosition[i - 1].Slice.File}); slice positions must be strictly increasing — a duplicated file or two series mixed",
                        field: DicomTag.Name(DicomTag.ImagePositionPatient));
                }
            }
            return (byPosition.Select(p => p.Slice).ToList(), byPosition.Select(p => p.Position).ToArray());
        }
        // Some slices placed and others not: no order holds for both, and guessing one would feed the consecutive-slice rule a
        // series in an order nobody stated.
        if (unplaced.Count < slices.Count)
        {
            throw new InvalidInputException(unplaced[0].File,
                $"Image Position (Patient) is missing on {unplaced.Count} of {slices.Count} slices but present on the others; every slice of a series needs it (a slice from another series, or an edited file?)",
                field: DicomTag.Name(DicomTag.ImagePositionPatient));
        }
        if (slices.All(s => s.InstanceNumber is not null))
        {
            var byNumber = slices.OrderBy(s => s.InstanceNumber).ToList();
            var duplicate = byNumber.Zip(byNumber.Skip(1)).FirstOrDefault(p => p.First.InstanceNumber == p.Second.InstanceNumber);
            if (duplicate.First is not null)
            {
                throw new InvalidInputException(duplicate.Second.File, $"Instance Number {duplicate.Second.InstanceNumber} also in {duplicate.First.File}; without Image Position (Patient) slices are ordered by unique Instance Numbers", field: "(0020,0013) Instance Number");
            }
            var step = DicomAssumptions.UnplacedStep(slices[0]);
            return (byNumber, byNumber.Select((_, i) => i * step).ToArray());
        }
        throw new InvalidInputException(folder, "the slices have neither Image Position (Patient) nor Instance Numbers on every file; their order is unknown", field: DicomTag.Name(DicomTag.ImagePositionPatient));
    }
}
