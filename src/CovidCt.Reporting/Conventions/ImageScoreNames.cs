using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Reporting.Conventions;

/// <summary>
/// The one set of names of the per-image score: the key machine files and options use (<c>max_pixel</c>, <c>max_box</c>, as in
/// pipeline.json's <c>image_score</c>) and what it means for a person reading a table or a chart.
/// </summary>
public static class ImageScoreNames
{
    /// <summary><c>max_pixel</c> or <c>max_box</c>.</summary>
    public static string Key(ImageScore score) => score == ImageScore.MaxBox ? "max_box" : "max_pixel";

    /// <summary>What the score is, in words.</summary>
    public static string Meaning(ImageScore score) => score == ImageScore.MaxBox
        ? "the highest probability inside a red box, 0 without one"
        : "the highest lesion probability inside the valid area";
}
