using System.Globalization;
using System.Text;
using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Nifti;
using CovidCt.Imaging;

namespace CovidCt.Testing.Invariance;

/// <summary>Writes patients in a <see cref="CtForm"/> with a cohort manifest (split test, and the export window of slice folders in its window column).</summary>
public static class CtFormWriter
{
    /// <summary>Writes <paramref name="patients"/> into <paramref name="folder"/>; returns the manifest's path.</summary>
    public static string Write(CtForm form, IEnumerable<InvariancePatient> patients, string folder)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(patients);
        var manifest = new StringBuilder("patient_id,label,images,masks,split,window\n");
        foreach (var patient in patients)
        {
            var (images, masks) = form.Container switch
            {
                CtContainer.Dicom => WriteDicom(patient, folder),
                CtContainer.Nifti => WriteNifti(patient, folder),
                _ => WriteSlices(form, patient, folder),
            };
            var label = patient.Label == PatientLabel.Covid ? "covid" : "control";
            var window = form.Window is { } w ? string.Create(CultureInfo.InvariantCulture, $"{w.Width}/{w.Level}") : "";
            manifest.Append(CultureInfo.InvariantCulture, $"{patient.Id},{label},{images},{masks},test,{window}\n");
        }
        var path = Path.Combine(folder, "manifest.csv");
        File.WriteAllText(path, manifest.ToString());
        return path;
    }

    private static (string Images, string Masks) WriteDicom(InvariancePatient patient, string folder)
    {
        var images = $"dicom/{patient.Id}";
        // One series UID per patient, derived from its id so a rerun writes the same files.
        var uid = "1.2.826.0.1.3680043.2.1125.14." + string.Concat(patient.Id.Where(char.IsAsciiDigit)).TrimStart('0');
        DicomSeriesWriter.Write(patient.Volume, Path.Combine(folder, images), uid);
        return (images, WriteNiftiMask(patient, folder));
    }

    private static (string Images, string Masks) WriteNifti(InvariancePatient patient, string folder)
    {
        var images = $"nifti/{patient.Id}.nii.gz";
        Directory.CreateDirectory(Path.Combine(folder, "nifti"));
        NiftiWriter.Write(patient.Volume, Path.Combine(folder, images));
        return (images, WriteNiftiMask(patient, folder));
    }

    private static string WriteNiftiMask(InvariancePatient patient, string folder)
    {
        if (patient.Mask is null) return "";
        var masks = $"masks/{patient.Id}.nii.gz";
        Directory.CreateDirectory(Path.Combine(folder, "masks"));
        NiftiWriter.Write(patient.Mask, Path.Combine(folder, masks));
        return masks;
    }

    /// <summary>Slices windowed to gray (<see cref="HounsfieldWindow.ToGray"/>), edited, encoded; masks as 0/255 PNG with the same names.</summary>
    private static (string Images, string Masks) WriteSlices(CtForm form, InvariancePatient patient, string folder)
    {
        var window = form.Window ?? throw new ArgumentException($"form {form.Name} is a slice folder without an export window", nameof(form));
        var reshape = SliceGeometryChanges.For(form.Geometry, patient.Volume);
        var g = patient.Volume.Geometry;
        var images = $"slices/{patient.Id}";
        var masks = patient.Mask is null ? "" : $"slice-masks/{patient.Id}";
        for (var z = 0; z < g.Depth; z++)
        {
            var name = $"slice_{z + 1:D4}";
            var hounsfield = patient.Volume.Slice(z);
            var gray = new byte[hounsfield.Length];
            for (var i = 0; i < gray.Length; i++) gray[i] = window.ToGray(hounsfield[i]);
            var image = new GrayPlane(gray, g.Width, g.Height);
            SliceImageEncoder.Write(reshape?.Apply(image, isMask: false) ?? image, form.Format, Path.Combine(folder, images, name + SliceImageEncoder.Extension(form.Format)));
            if (patient.Mask is null) continue;
            var mask = new GrayPlane(patient.Mask.Slice(z).ToArray().Select(v => v != 0 ? (byte)255 : (byte)0).ToArray(), g.Width, g.Height);
            SliceImageEncoder.Write(reshape?.Apply(mask, isMask: true) ?? mask, SliceImageFormat.GrayPng, Path.Combine(folder, masks, name + ".png"));
        }
        return (images, masks);
    }
}
