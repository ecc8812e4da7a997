using System.Globalization;
using CovidCt.Pipelines;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;
using CovidCt.Server.Detection;

namespace CovidCt.Server.Api;

/// <summary>
/// The answer of <c>POST /v1/detections</c> and <c>GET /v1/detections/{id}</c>, in the JSON convention of every CovidCt output
/// (<see cref="OutputJson"/>: snake_case), with the boxes and the rule's decision in the very records <c>covidct detect --json</c> writes.
/// </summary>
/// <param name="SchemaVersion">The output schema version.</param>
/// <param name="Id">The result id.</param>
/// <param name="ExpiresUtc">When the result (and its maps) is dropped.</param>
/// <param name="Input">What was uploaded.</param>
/// <param name="Settings">The post-processing settings of these results.</param>
/// <param name="Results">One result per model, in the order asked for.</param>
/// <param name="Notes">Choices made in reading the upload.</param>
/// <param name="Warnings">Legal but suspicious input, and a scored model over the memory budget (or slower to stay within it), by name.</param>
internal sealed record DetectionResponse(int SchemaVersion, string Id, DateTimeOffset ExpiresUtc, InputDocument Input, SettingsDocument Settings,
    IReadOnlyList<ModelResultDocument> Results, IReadOnlyList<string> Notes, IReadOnlyList<string> Warnings)
{
    /// <summary>The response for <paramref name="stored"/> under <paramref name="settings"/>.</summary>
    public static DetectionResponse Of(StoredDetection stored, RuleSettings settings)
    {
        var g = stored.Volume.Geometry;
        var results = stored.Models.Select((m, i) => ModelResultDocument.Of(stored.Id, m.Slot.Model, stored.Result(i, settings), settings)).ToArray();
        return new DetectionResponse(OutputJson.SchemaVersion, stored.Id, stored.Expires, new InputDocument(stored.Kind.ToString().ToLowerInvariant(), g.Depth, g.Width, g.Height),
            SettingsDocument.Of(settings), results, stored.Notes, stored.Warnings);
    }
}

/// <summary>What was uploaded, without anything from its header but the grid.</summary>
/// <param name="Kind">png, jpeg, dicom, zip, nifti or niftigz.</param>
/// <param name="Slices">Slices in the volume.</param>
/// <param name="Width">Columns per slice.</param>
/// <param name="Height">Rows per slice.</param>
internal sealed record InputDocument(string Kind, int Slices, int Width, int Height);

/// <summary>The post-processing settings.</summary>
/// <param name="Threshold">Probability threshold.</param>
/// <param name="MinPixels">A box needs more slice pixels than this.</param>
/// <param name="K">Consecutive slices of the patient rule.</param>
internal sealed record SettingsDocument(double Threshold, int MinPixels, int K)
{
    /// <summary>The document of <paramref name="settings"/>.</summary>
    public static SettingsDocument Of(RuleSettings settings) => new(settings.Threshold, settings.MinPixels, settings.ConsecutiveSlices);
}

/// <summary>One model's result on the upload.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="ModelSha256">Its SHA-256.</param>
/// <param name="PatientRule">The rule's decision over the volume, as <c>covidct detect --json</c> writes it.</param>
/// <param name="Call">The decision in words, with the rule's settings.</param>
/// <param name="Slices">Every slice, in anatomical order.</param>
internal sealed record ModelResultDocument(string Model, string ModelSha256, PatientRuleDocument PatientRule, string Call, IReadOnlyList<SliceDocument> Slices)
{
    /// <summary>The document of <paramref name="result"/>.</summary>
    public static ModelResultDocument Of(string id, ModelEntry model, PatientResult result, RuleSettings settings)
    {
        var slices = result.Slices.Select(s => new SliceDocument(s.Index, s.Position, s.Detection.IsPositive, s.Detection.MaxPixelProbability,
            QuadrantNames.Key(s.Detection.Quadrants), $"/v1/detections/{id}/slices/{s.Index}.png?model={model.Name}", s.Detection.Boxes.Select(BoxDocument.Of).ToArray())).ToArray();
        return new ModelResultDocument(model.Name, model.Sha256, PatientRuleDocument.Of(result.Decision), Sentence(result, settings), slices);
    }

    // The call in words, with the fragile-call warning after it when a small move of a box would flip it.
    private static string Sentence(PatientResult result, RuleSettings settings) =>
        Verdict(result, settings) + (result.Decision.Fragility is { } fragile ? $"; warning, fragile call: {FragileCallText.Reason(fragile)}" : "");

    private static string Verdict(PatientResult result, RuleSettings settings)
    {
        var d = result.Decision;
        var c = CultureInfo.InvariantCulture;
        var rule = string.Create(c, $"boxes at p >= {settings.Threshold:0.00} with more than {settings.MinPixels} pixels; positive with {settings.ConsecutiveSlices} consecutive slices in one quadrant");
        if (d.IsPositive)
        {
            return $"POSITIVE: lesions in the {QuadrantNames.Label(d.Quadrant)} quadrant on {SliceNumbers.Range(d.FirstSlice, d.LastSlice)}; {d.PositiveSlices} of {d.SliceCount} slices with boxes ({rule})";
        }
        var few = d.SliceCount < settings.ConsecutiveSlices ? string.Create(c, $"; {d.SliceCount} slice(s) cannot hold {settings.ConsecutiveSlices} consecutive ones, so the patient rule needs a series") : "";
        return string.Create(c, $"negative: {d.PositiveSlices} of {d.SliceCount} slices with boxes, no {settings.ConsecutiveSlices} consecutive in one quadrant{few} ({rule})");
    }
}

/// <summary>One slice under one model.</summary>
/// <param name="SliceIndex">0-based index, anatomical order (feet to head).</param>
/// <param name="PositionMm">Position along the slice normal.</param>
/// <param name="Positive">True when the slice has a box.</param>
/// <param name="MaxProbability">Highest lesion probability inside the valid area, or null when it has none.</param>
/// <param name="Quadrants">The quadrants its boxes count for.</param>
/// <param name="Figure">The red-box PNG's address (add the settings as query fields).</param>
/// <param name="Boxes">The red boxes, in slice pixels.</param>
internal sealed record SliceDocument(int SliceIndex, double PositionMm, bool Positive, double? MaxProbability, string Quadrants, string Figure, IReadOnlyList<BoxDocument> Boxes);

/// <summary>A model as <c>GET /v1/models</c> lists it.</summary>
/// <param name="Name">What an upload's <c>model</c> field names.</param>
/// <param name="Sha256">The file's SHA-256.</param>
/// <param name="Architecture">covidct.architecture metadata.</param>
/// <param name="Version">covidct.version metadata.</param>
/// <param name="TrainedUtc">covidct.trained_utc metadata.</param>
/// <param name="IsDefault">True for the model used when none is named.</param>
internal sealed record ModelDocument(string Name, string Sha256, string? Architecture, string? Version, string? TrainedUtc, bool IsDefault)
{
    /// <summary>The document of <paramref name="model"/>.</summary>
    public static ModelDocument Of(ModelEntry model) => new(model.Name, model.Sha256, model.Architecture, model.Version, model.TrainedUtc, model.IsDefault);
}
