namespace CovidCt.Data.Cohorts;

/// <summary>
/// Streams the patients of a manifest one at a time, so a cohort of thousands of slices never sits in memory at once:
/// each patient's volume and mask are read when the enumeration reaches it and can be collected after.
/// </summary>
public static class CohortReader
{
    /// <summary>Reads the patients of <paramref name="manifest"/> (of <paramref name="split"/> only, when given), in manifest order.</summary>
    /// <param name="manifest">A validated manifest.</param>
    /// <param name="split">The split to read, or null for every patient.</param>
    /// <param name="options">How images are read (null Images: the manifest's <see cref="CohortManifest.ImageOptions"/>) and what makes a slice lesion-positive; null for the defaults.</param>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a file changed since validation and can no longer be read, or a mask no longer fits its image.</exception>
    public static IEnumerable<CohortPatient> ReadPatients(CohortManifest manifest, CohortSplit? split = null, CohortReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        options ??= new CohortReadOptions();
        if (options.MinimumLesionPixels < 1) throw new ArgumentOutOfRangeException(nameof(options), "MinimumLesionPixels must be at least 1");
        return Stream(manifest.InSplit(split), options.Images is null ? options with { Images = manifest.ImageOptions } : options);
    }

    private static IEnumerable<CohortPatient> Stream(IEnumerable<CohortEntry> entries, CohortReadOptions options)
    {
        foreach (var entry in entries) yield return Read(entry, options);
    }

    /// <summary>
    /// Reads one entry's volume (slice folders at the entry's <see cref="CohortEntry.Window"/> when it has one) and mask (its
    /// values by the entry's <see cref="CohortEntry.MaskLabels"/>), and derives its per-slice truth.
    /// </summary>
    public static CohortPatient Read(CohortEntry entry, CohortReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        options ??= new CohortReadOptions();
        var images = entry.Window is null ? options.Images : (options.Images ?? new CtReadOptions()) with { Window = entry.Window };
        // A single PNG/JPEG file (an image-level entry) is a one-slice volume with a one-file mask.
        var single = SliceImageFile.Is(entry.ImagesPath);
        var volume = single ? CtReader.ReadSliceOrVolume(entry.ImagesPath, images) : CtReader.Read(entry.ImagesPath, images);
        var mask = entry.MasksPath is null ? null
            : single ? SliceImageFile.ReadMask(entry.MasksPath, volume.Geometry, entry.MaskLabels)
            : CtReader.ReadMask(entry.MasksPath, volume, entry.MaskLabels);
        if (mask is not null && entry.Label == PatientLabel.Control && mask.Labels.AsSpan().ContainsAnyExcept((byte)0))
        {
            // Either the label or the mask is wrong; scoring would count the marked slices as lesion-free.
            throw new IO.InvalidInputException(entry.MasksPath!, $"patient '{entry.PatientId}' is labelled control but its mask marks lesion voxels; expected an empty mask, no mask, or the label covid", entry.Line, "masks");
        }
        return new CohortPatient(entry, volume, mask, SliceTruth(entry.Label, volume.Geometry.Depth, mask, options.MinimumLesionPixels));
    }

    private static bool?[] SliceTruth(PatientLabel label, int depth, LesionMask? mask, int minimumLesionPixels)
    {
        var truth = new bool?[depth];
        for (var z = 0; z < depth; z++)
        {
            truth[z] = mask is not null ? mask.LesionPixels(z) >= minimumLesionPixels
                : label == PatientLabel.Control ? false
                : null;
        }
        return truth;
    }
}
