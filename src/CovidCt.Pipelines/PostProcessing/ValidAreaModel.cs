using CovidCt.Data.IO;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// The valid area from a second ONNX segmentation model (the study's first stage) instead of the HU segmentation: the model's
/// output at or above a threshold is the lung mask, mapped back to the original slice by nearest neighbour.
/// </summary>
public sealed class ValidAreaModel : IDisposable
{
    private readonly double _threshold;
    private float[]? _scratch;

    /// <summary>Opens the segmentation model; its preprocessing comes from its own metadata (study lung window otherwise).</summary>
    /// <exception cref="InvalidInputException">When the model cannot be loaded or has no usable image input.</exception>
    public ValidAreaModel(string modelPath, double threshold = 0.5, OnnxScoringOptions? scoring = null)
        : this(modelPath, threshold, scoring, share: null, member: 0)
    {
    }

    /// <summary>As the public constructor, the model scored as member <paramref name="member"/> of <paramref name="share"/> (the chain's) when set.</summary>
    internal ValidAreaModel(string modelPath, double threshold, OnnxScoringOptions? scoring, ScoringShare? share, int member)
    {
        if (!(threshold > 0 && threshold <= 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold must be in (0, 1]");
        _threshold = threshold;
        Scorer = new BatchedOnnxScorer(modelPath, Preprocessing, scoring, share, member);
    }

    /// <summary>The segmentation model's preprocessing: no overrides, its own metadata decides.</summary>
    internal static PreprocessingOptions Preprocessing => new();

    /// <summary>The segmentation model's scorer.</summary>
    public BatchedOnnxScorer Scorer { get; }

    /// <summary>The valid area of every slice of one patient (each <paramref name="width"/> x <paramref name="height"/> HU, row-major), scored in batches.</summary>
    /// <exception cref="InvalidInputException">When the model returns NaN or infinity, naming <paramref name="source"/> and the slice.</exception>
    public IReadOnlyList<ValidArea> Segment(IReadOnlyList<ReadOnlyMemory<float>> slices, int width, int height, string source)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var images = new float[slices.Count][];
        for (var z = 0; z < images.Length; z++)
        {
            images[z] = new float[Scorer.Preprocessing.ImageLength];
            Scorer.Preprocessing.Apply(slices[z].Span, width, height, images[z], ref _scratch);
        }
        var maps = Scorer.Score(images);
        var frame = Scorer.Preprocessing.FrameOf(width, height);
        return maps.Select((map, z) => FromProbability(map, frame, _threshold, source, z)).ToArray();
    }

    /// <summary>
    /// The lung mask of a <paramref name="width"/> x <paramref name="height"/> slice from a segmentation map the size of the model's
    /// input: the slice was centred in it with its aspect ratio kept (<see cref="SliceFrame"/>), and each original pixel takes the
    /// map pixel under its centre, lung when the probability is at least <paramref name="threshold"/>.
    /// </summary>
    public static ValidArea FromProbability(ProbabilityMap map, int width, int height, double threshold, string source, int slice)
    {
        ArgumentNullException.ThrowIfNull(map);
        return FromProbability(map, SliceFrame.Of(width, height, map.Width, map.Height), threshold, source, slice);
    }

    private static ValidArea FromProbability(ProbabilityMap map, SliceFrame frame, double threshold, string source, int slice)
    {
        var bad = map.FirstNonFinite();
        if (bad >= 0) throw new InvalidInputException(source, $"the valid-area model returned {map.Values[bad]} on slice {slice}; expected probabilities in [0, 1]");
        var (width, height) = (frame.SliceWidth, frame.SliceHeight);
        var (scaleX, scaleY) = ((double)map.Width / frame.InputWidth, (double)map.Height / frame.InputHeight);
        var mask = new byte[width * height];
        var columns = new int[width];
        for (var x = 0; x < width; x++) columns[x] = Math.Min(map.Width - 1, (int)((frame.Left + (x + 0.5) * frame.ContentWidth / width) * scaleX));
        for (var y = 0; y < height; y++)
        {
            var mapRow = Math.Min(map.Height - 1, (int)((frame.Top + (y + 0.5) * frame.ContentHeight / height) * scaleY)) * map.Width;
            for (var x = 0; x < width; x++)
            {
                if (map.Values[mapRow + columns[x]] >= threshold) mask[y * width + x] = 1;
            }
        }
        return new ValidArea(width, height, mask);
    }

    /// <summary>Releases the model session.</summary>
    public void Dispose() => Scorer.Dispose();
}
