namespace CovidCt.Metrics;

/// <summary>One point of a FROC curve: what counting every mark scored at least <see cref="Threshold"/> gives.</summary>
/// <param name="Threshold">The lowest mark score counted (positive infinity for the point before any mark).</param>
/// <param name="LesionsHit">Lesions with a hitting mark at or above the threshold.</param>
/// <param name="FalsePositives">Marks at or above the threshold that hit no lesion.</param>
/// <param name="Sensitivity">Lesions hit / lesions (the lesion localisation fraction).</param>
/// <param name="FalsePositivesPerImage">False positives / images (the non-lesion localisation rate).</param>
public sealed record FrocPoint(double Threshold, long LesionsHit, long FalsePositives, double Sensitivity, double FalsePositivesPerImage);
