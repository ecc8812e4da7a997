using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Nifti;

namespace CovidCt.Testing.Fixtures;

/// <summary>
/// A three-patient cohort of phantoms written as NIfTI with a manifest:
/// P1 covid with masks, lesions upper left on slices 1..3 of 5 (positive by the rule);
/// P2 covid without masks, lesions upper left on slices 0..1 of 3 (negative: only 2 in a row);
/// C1 control, one lesion-like region lower right on slice 0 of 4 (one false-positive image).
/// </summary>
public static class PhantomCohort
{
    private static readonly (int X, int Y)[] None = [];

    public static CohortManifest Write(string folder)
    {
        var ul = Phantom.UpperLeft;
        Directory.CreateDirectory(folder);
        var p1 = Phantom.Volume(None, [ul], [ul], [ul], None);
        NiftiWriter.Write(p1, Path.Combine(folder, "p1.nii.gz"));
        NiftiWriter.Write(MaskOf(p1), Path.Combine(folder, "p1-mask.nii.gz"));
        NiftiWriter.Write(Phantom.Volume([ul], [ul], None), Path.Combine(folder, "p2.nii.gz"));
        NiftiWriter.Write(Phantom.Volume([Phantom.LowerRight], None, None, None), Path.Combine(folder, "c1.nii.gz"));
        var manifest = Path.Combine(folder, "cohort.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\nP1,covid,p1.nii.gz,p1-mask.nii.gz,test\nP2,covid,p2.nii.gz,,test\nC1,control,c1.nii.gz,,test\n");
        return CohortManifest.Load(manifest);
    }

    // The lesion HU marks the truth exactly.
    private static LesionMask MaskOf(CtVolume volume) =>
        new(volume.Geometry, volume.Hounsfield.Select(v => v == TestModels.LesionHu ? (byte)1 : (byte)0).ToArray(), "phantom mask");
}
