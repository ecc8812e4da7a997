using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Caching;

/// <summary>
/// What a cached probability map depends on: the model's bytes, the cohort's content, the preprocessing (including how a slice
/// is fitted into the input: framed on the body or whole, aspect ratio kept, padded with air) and which output was read. Any change gives another
/// <see cref="Hash"/>, so stale maps are never read. The maps are cached at the model's resolution; taking them back to the slice
/// happens after the cache and is no part of what is cached.
/// </summary>
/// <param name="ModelSha256">SHA-256 of the model file.</param>
/// <param name="CohortSha256">A SHA-256 that changes whenever the cohort's images change (for instance of the manifest and its image files).</param>
/// <param name="Preprocessing">The resolved preprocessing.</param>
/// <param name="Output">The output read: its name, or "mean(a,b,...)" when averaged; each wrapped in "sigmoid(...)" when the outputs are logits.</param>
public sealed record ProbabilityCacheKey(string ModelSha256, string CohortSha256, ImagePreprocessing Preprocessing, string Output)
{
    /// <summary>The key as one line of text, every component spelled out (written beside the maps for people to read).</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"model={ModelSha256.ToLowerInvariant()};cohort={CohortSha256.ToLowerInvariant()};window={Preprocessing.WindowWidth:R}/{Preprocessing.WindowLevel:R};" +
        $"input={Preprocessing.InputHeight}x{Preprocessing.InputWidth}x{Preprocessing.Channels};layout={Preprocessing.Layout};resize=bilinear-half-pixel;fit=keep-aspect-pad-air;frame={Frame};output={Output}");

    // How the view the model sees is chosen (maps of another framing lie elsewhere in the input, so they are other maps).
    private string Frame => Preprocessing.Framing == SliceFraming.Body
        ? string.Create(CultureInfo.InvariantCulture, $"body>{BodyFrame.BodyHounsfield:R}HU@{BodyFrame.TrainingBodyFraction:R}")
        : "image";

    /// <summary>Lower-case hex SHA-256 of <see cref="Description"/>: the cache folder's name.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Description)));

    /// <summary>The key for <paramref name="pipeline"/>'s model and preprocessing on a cohort.</summary>
    public static ProbabilityCacheKey For(DetectionPipeline pipeline, string cohortSha256)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return For(pipeline.Scorer, cohortSha256);
    }

    /// <summary>The key for <paramref name="scorer"/>'s model, resolved preprocessing and output on a cohort.</summary>
    public static ProbabilityCacheKey For(Scoring.BatchedOnnxScorer scorer, string cohortSha256)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var names = scorer.OutputNames;
        var output = scorer.Activation == Scoring.OutputActivation.Sigmoid
            ? (names.Count == 1 ? $"sigmoid({names[0]})" : $"mean({string.Join(",", names.Select(n => $"sigmoid({n})"))})")
            : names.Count == 1 ? names[0] : $"mean({string.Join(",", names)})";
        return new ProbabilityCacheKey(scorer.Model.Sha256, cohortSha256, scorer.Preprocessing, output);
    }
}
