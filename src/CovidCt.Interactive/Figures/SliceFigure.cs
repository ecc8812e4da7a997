namespace CovidCt.Interactive.Figures;

/// <summary>One rendered slice: the study's red-box figure, with the true lesions outlined in green when known.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="SliceIndex">Slice index in the volume (0-based, anatomical order).</param>
/// <param name="Caption">What the slice shows, for example "sim-008 slice 12 of 40: false positive, box probability 0.91" (the 1-based slice number).</param>
/// <param name="Png">The PNG bytes at the slice's original resolution.</param>
public sealed record SliceFigure(string PatientId, int SliceIndex, string Caption, byte[] Png);
