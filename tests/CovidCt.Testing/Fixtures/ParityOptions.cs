using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Testing.Fixtures;

/// <summary>
/// One row of the parity grids (the ML.NET chain against the facade and the sweep, the command line's <c>--pipeline</c> against
/// the chain) as pipeline options, so both grids mean the same by a row.
/// </summary>
public static class ParityOptions
{
    /// <summary>
    /// Options with the row's threshold, minimum size in pixels and mm², k and quadrant rule; <paramref name="validArea"/> is
    /// "model" (the test lung model), "none" (the whole image) or anything else for the HU segmentation.
    /// </summary>
    public static PipelineOptions Of(TestModels models, double threshold, int minPixels, double? minArea, int k, bool sameQuadrant, string validArea) => new()
    {
        LesionBoxes = { Threshold = threshold, MinPixels = minPixels, MinAreaSquareMillimetres = minArea },
        PatientRule = { ConsecutiveSlices = k, SameQuadrant = sameQuadrant },
        ValidArea = validArea switch
        {
            "model" => new ValidAreaOptions { SegmentationModelPath = models.Lung(32) },
            "none" => new ValidAreaOptions { Region = ValidAreaRegion.WholeImage },
            _ => new ValidAreaOptions(),
        },
    };
}
