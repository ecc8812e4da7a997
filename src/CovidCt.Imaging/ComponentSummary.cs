namespace CovidCt.Imaging;

/// <summary>
/// One 8-connected component of the pixels at or above a threshold, at the probability map's resolution: its size, bounding
/// pixels, coordinate sums (for the centroid) and probabilities. Where it lies on the original slice (box, centroid,
/// quadrants) is the detector's business, not the labeller's.
/// </summary>
/// <param name="Pixels">Pixels in the component (at least 1).</param>
/// <param name="MinX">Leftmost column.</param>
/// <param name="MinY">Top row.</param>
/// <param name="MaxX">Rightmost column (inclusive).</param>
/// <param name="MaxY">Bottom row (inclusive).</param>
/// <param name="SumX">Sum of the pixels' columns (exact: integers well below 2^53).</param>
/// <param name="SumY">Sum of the pixels' rows.</param>
/// <param name="MaxProbability">Highest probability in the component.</param>
/// <param name="SumProbability">Sum of the probabilities, in scan order (exact whenever the threshold is above 2^-12 on a slice of up to 512 x 512 pixels, so any order gives it).</param>
internal readonly record struct ComponentSummary(int Pixels, int MinX, int MinY, int MaxX, int MaxY, double SumX, double SumY, double MaxProbability, double SumProbability);
