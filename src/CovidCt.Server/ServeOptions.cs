using CovidCt.Data;

namespace CovidCt.Server;

/// <summary>
/// Everything <c>covidct serve</c> can be told: where it listens, who may call it, which models it offers, and the limits that
/// keep an upload from taking the machine down. The defaults are the safe ones of issue #19.
/// </summary>
internal sealed record ServeOptions
{
    /// <summary>The default address: loopback only, so nothing is reachable from another machine unless asked for.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The environment variable that holds the access token when --token is not given.</summary>
    public const string TokenVariable = "COVIDCT_SERVE_TOKEN";

    /// <summary>Where Kestrel listens (one or more URLs).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>True when the URLs were given explicitly (--urls); a non-loopback address is refused otherwise.</summary>
    public bool UrlsGiven { get; init; }

    /// <summary>The bearer token every /v1 request must carry, or null for none (allowed on loopback only).</summary>
    public string? Token { get; init; }

    /// <summary>The folder whose *.onnx files are offered (the repository's models/).</summary>
    public required string ModelsFolder { get; init; }

    /// <summary>The model used when an upload names none (file name without .onnx).</summary>
    public required string DefaultModel { get; init; }

    /// <summary>How long a result (its volume, maps and settings) is kept after its upload.</summary>
    public TimeSpan Expiry { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// At most this much memory is held by results (each holds its volume and, per model, a probability map and valid area per
    /// slice: about 9 bytes per voxel for one model); beyond it the oldest results go first. 2 GB holds about six 512 x 512 x 130 series.
    /// </summary>
    public long MaxHeldBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest upload of a volume (DICOM series as .zip, NIfTI): 512 MB.</summary>
    public long MaxVolumeBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Largest upload of one slice (PNG, JPEG, one DICOM file): 50 MB.</summary>
    public long MaxSliceBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Most files in a .zip series.</summary>
    public int MaxZipEntries { get; init; } = 2000;

    /// <summary>Largest ratio of an entry's unpacked to packed size before it is treated as a zip bomb.</summary>
    public int MaxZipRatio { get; init; } = 200;

    /// <summary>Most slices in one volume.</summary>
    public int MaxSlices { get; init; } = 1000;

    /// <summary>The readers' limits on decoded pixels and voxels (the reliability issue's limits).</summary>
    public InputLimits ReadLimits { get; init; } = InputLimits.Default;

    /// <summary>Requests one client may have in flight at once on the upload endpoint.</summary>
    public int ConcurrentUploadsPerClient { get; init; } = 2;

    /// <summary>Further uploads of one client that wait for a free place; beyond them the answer is 429.</summary>
    public int QueuedUploadsPerClient { get; init; } = 2;

    /// <summary>Requests per second one client may make on the reading endpoints (slices, re-runs) before 429.</summary>
    public int ReadsPerClientPerSecond { get; init; } = 200;

    /// <summary>The Retry-After seconds sent with 429.</summary>
    public int RetryAfterSeconds { get; init; } = 2;

    /// <summary>Most models scored on one upload (the page compares two side by side).</summary>
    public int MaxModelsPerUpload { get; init; } = 2;

    /// <summary>The parent of the per-request upload folders.</summary>
    public string TempRoot { get; init; } = Path.Combine(Path.GetTempPath(), "covidct-serve");
}
