using CovidCt.Data;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Server.Uploads;

/// <summary>An upload decoded into HU by the project's own readers, with the notes and warnings to show beside the result.</summary>
/// <param name="Volume">The CT, slices feet to head.</param>
/// <param name="Kind">What was uploaded.</param>
/// <param name="Notes">Sentences about choices made for the reader (the window assumed for a PNG without one).</param>
/// <param name="Warnings">Legal but suspicious input (slices that do not look like CT at the stated window, geometry the files did not state).</param>
internal sealed record DecodedUpload(CtVolume Volume, UploadKind Kind, IReadOnlyList<string> Notes, IReadOnlyList<string> Warnings);

/// <summary>
/// Decodes an upload with the readers of CovidCt.Data (<see cref="CtReader"/>, within <see cref="InputLimits"/>): the content
/// decides, and whatever the readers refuse comes back as a 422 naming the problem. Paths in the readers' messages are given
/// relative to the request folder, so neither the server's folders nor the uploaded file's name are echoed.
/// </summary>
internal static class UploadDecoder
{
    /// <summary>Decodes <paramref name="form"/>, read into <paramref name="folder"/>.</summary>
    /// <exception cref="UploadRejectedException">When the upload is not a readable CT within the limits.</exception>
    public static DecodedUpload Decode(UploadForm form, string folder, ServeOptions options)
    {
        var notes = new List<string>();
        var warnings = new List<string>();
        var window = Window(form, notes);
        var read = new CtReadOptions { Window = window, Limits = options.ReadLimits, SeriesInstanceUid = form.Single("series") };
        try
        {
            var volume = form.Kind switch
            {
                UploadKind.Zip => CtReader.Read(ZipSeries.Extract(form.FilePath, options), read),
                UploadKind.Nifti or UploadKind.NiftiGz => CtReader.Read(form.FilePath, read),
                _ => CtReader.ReadSliceOrVolume(form.FilePath, read),
            };
            if (volume.Geometry.Depth > options.MaxSlices)
            {
                throw new UploadRejectedException(413, "Too many slices", $"the volume has {volume.Geometry.Depth} slices; at most {options.MaxSlices} are accepted");
            }
            if (form.Kind is UploadKind.Png or UploadKind.Jpeg)
            {
                var report = SliceWindowCheck.Check(form.FilePath, window ?? StudyProtocol.LungWindow, options.ReadLimits);
                if (report.IsImplausible) warnings.Add(Relative(report.Describe(), folder));
            }
            warnings.AddRange(volume.Assumptions.Select(a => Relative(a.Warning, folder)));
            return new DecodedUpload(volume, form.Kind, notes, warnings);
        }
        catch (CovidCtInputException e)
        {
            throw new UploadRejectedException(422, "Unreadable CT", Relative(e.Message, folder));
        }
        catch (OutOfMemoryException)
        {
            throw new UploadRejectedException(413, "Too large to decode", "the CT does not fit in this server's memory once decoded; upload a smaller volume");
        }
    }

    private static HounsfieldWindow? Window(UploadForm form, List<string> notes)
    {
        var text = form.Single("window");
        var eightBit = form.Kind is UploadKind.Png or UploadKind.Jpeg;
        if (text is null)
        {
            if (eightBit) notes.Add($"No window was stated; the slice is read at the study's {StudyProtocol.LungWindow}. State the window it was exported with (window=WIDTH/LEVEL).");
            return null;
        }
        if (!eightBit)
        {
            notes.Add("The window field was ignored: DICOM and NIfTI store HU themselves.");
            return null;
        }
        return HounsfieldWindow.TryParse(text, out var window, out var problem) ? window
            : throw new UploadRejectedException(400, "Bad window", $"the form field 'window': {problem}");
    }

    private static string Relative(string message, string folder) => message.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace(folder, "upload", StringComparison.Ordinal);
}
