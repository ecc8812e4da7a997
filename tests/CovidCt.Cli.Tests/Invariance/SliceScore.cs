using System.Globalization;

namespace CovidCt.Cli.Tests.Invariance;

/// <summary>
/// How close one slice's decision came to the other side, as slices.csv gives it: the image score (the highest lesion
/// probability inside the valid area) against the box threshold, and the red boxes that made it positive.
/// </summary>
/// <param name="Score">slices.csv <c>score</c> (max_pixel, the default image score).</param>
/// <param name="Boxes">slices.csv <c>box_list</c>: <c>left:top:right:bottom:max_probability</c> per box, in slice pixels.</param>
/// <param name="Quadrants">slices.csv <c>quadrants</c> (<c>UpperLeft|LowerRight</c>): where the patient rule looks for its run of k slices.</param>
public sealed record SliceScore(double Score, string Boxes, string Quadrants)
{
    /// <summary>"p 0.996, boxes 33x14 (p 0.996) in UpperLeft" or "p 0.412, no box".</summary>
    public override string ToString()
    {
        var boxes = Boxes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Describe).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"p {Score:0.000}, {(boxes.Count == 0 ? "no box" : $"boxes {string.Join(" ", boxes)} in {Quadrants.Replace("|", " and ", StringComparison.Ordinal)}")}");
    }

    // "left:top:right:bottom:p" as its size and probability (right and bottom exclusive).
    private static string Describe(string box)
    {
        var parts = box.Split(':').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{parts[2] - parts[0]:0}x{parts[3] - parts[1]:0} (p {parts[4]:0.000})");
    }
}
