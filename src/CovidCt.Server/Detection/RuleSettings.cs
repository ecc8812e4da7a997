using System.Globalization;
using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Server.Uploads;

namespace CovidCt.Server.Detection;

/// <summary>
/// The post-processing settings a person changes on the page: the probability threshold, the minimum size (a box needs MORE
/// pixels than this) and k, the consecutive slices of the patient rule. Changing them re-runs steps 5 to 8 on kept maps only.
/// </summary>
/// <param name="Threshold">A pixel is lesion at or above this probability.</param>
/// <param name="MinPixels">A component needs more pixels than this, counted on the slice.</param>
/// <param name="ConsecutiveSlices">The k of the patient rule.</param>
internal sealed record RuleSettings(double Threshold, int MinPixels, int ConsecutiveSlices)
{
    /// <summary>The study's settings: 0.50, 25 pixels, 3 slices.</summary>
    public static RuleSettings Study { get; } = new(LesionBoxOptions.StudyThreshold, LesionBoxOptions.StudyMinPixels, PatientRuleOptions.StudyConsecutiveSlices);

    /// <summary>
    /// The settings named by <paramref name="value"/> (the form's or query's fields threshold, min_pixels and k), the study's
    /// for those not given.
    /// </summary>
    /// <exception cref="UploadRejectedException">When a value is not a number or out of range, naming the field.</exception>
    public static RuleSettings Parse(Func<string, string?> value)
    {
        var c = CultureInfo.InvariantCulture;
        var threshold = value("threshold") is { } t
            ? double.TryParse(t, NumberStyles.Float, c, out var tv) && tv > 0 && tv <= 1 ? tv : throw Bad("threshold", t, "a probability above 0 and at most 1, e.g. 0.5")
            : Study.Threshold;
        var minPixels = value("min_pixels") is { } m
            ? int.TryParse(m, NumberStyles.None, c, out var mv) ? mv : throw Bad("min_pixels", m, "a whole number of slice pixels, 0 or more, e.g. 25")
            : Study.MinPixels;
        var k = value("k") is { } kt
            ? int.TryParse(kt, NumberStyles.None, c, out var kv) && kv >= 1 ? kv : throw Bad("k", kt, "a whole number of consecutive slices, 1 or more, e.g. 3")
            : Study.ConsecutiveSlices;
        return new RuleSettings(threshold, minPixels, k);
    }

    private static UploadRejectedException Bad(string field, string text, string expected) =>
        new(400, "Bad setting", $"'{field}' is '{text}'; expected {expected}");

    /// <summary>
    /// <paramref name="model"/>'s options with these settings in place of its threshold, minimum size and k; every other option
    /// (quadrants, valid area, gap, image score) stays the model's.
    /// </summary>
    public PipelineOptions Apply(PipelineOptions model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var options = new PipelineOptions
        {
            Preprocessing = model.Preprocessing,
            Scoring = model.Scoring,
            ValidArea = model.ValidArea,
            Quadrants = model.Quadrants,
            LesionBoxes = new LesionBoxOptions
            {
                Threshold = Threshold,
                MinPixels = MinPixels,
                MinAreaSquareMillimetres = model.LesionBoxes.MinAreaSquareMillimetres,
                ImageScore = model.LesionBoxes.ImageScore,
            },
            PatientRule = new PatientRuleOptions { ConsecutiveSlices = ConsecutiveSlices, MaxGap = model.PatientRule.MaxGap, SameQuadrant = model.PatientRule.SameQuadrant },
        };
        options.Validate();
        return options;
    }
}
