using FsCheck;
using FsCheck.Fluent;
using CovidCt.Data.Nifti;

namespace CovidCt.Data.Tests.Nifti;

public sealed class NiftiPropertyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Any_volume_and_mask_round_trip_exactly()
    {
        var volumes =
            from width in Gen.Choose(2, 6)
            from height in Gen.Choose(2, 6)
            from depth in Gen.Choose(1, 4)
            from integral in Gen.Elements(true, false)
            from values in Gen.ArrayOf(Gen.Choose(-3024, 5000).Select(v => integral ? v : v + 0.25f), width * height * depth)
            select (width, height, depth, values);
        var file = 0;
        Prop.ForAll(volumes.ToArbitrary(), v =>
        {
            var geometry = VolumeGeometry.Axial(v.width, v.height, v.depth, 0.7, 1.25);
            var path = _folder.File($"{file++}.nii.gz");
            NiftiWriter.Write(new CtVolume(geometry, v.values, "generated"), path);
            var labels = v.values.Select(x => x > 0 ? (byte)1 : (byte)0).ToArray();
            NiftiWriter.Write(new LesionMask(geometry, labels, "generated"), path + ".mask.nii");
            return NiftiReader.ReadVolume(path).Hounsfield.SequenceEqual(v.values)
                && NiftiReader.ReadMask(path + ".mask.nii").Labels.SequenceEqual(labels)
                && NiftiReader.ReadGeometry(path).SlicePositions.SequenceEqual(geometry.SlicePositions);
        }).QuickCheckThrowOnFailure();
    }
}
