using System.Text.Json;
using System.Text.Json.Serialization;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Cluster;

/// <summary>
/// A patient's outcome as JSON: what a worker sends back and writes as the patient's result file. Every number round-trips
/// exactly (System.Text.Json writes the shortest text that reads back as the same double), so the coordinator's tables are
/// those of a single-process run.
/// </summary>
internal static class OutcomeJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The outcome as one line of JSON.</summary>
    public static string Write(PatientOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var result = outcome.Result;
        var dto = new PatientDto(result.PatientId, outcome.IsCovid, [.. outcome.SliceTruth], result.Decision,
            [.. result.Slices.Select(s => new SliceDto(s.Index, s.Position, s.ValidArea, [.. s.Detection.Boxes], s.Detection.RemovedLesionPixels,
                s.Detection.MaxPixelProbability, s.Detection.ImageScore))]);
        return JsonSerializer.Serialize(dto, Options);
    }

    /// <summary>Reads an outcome written by <see cref="Write"/>; <paramref name="source"/> names the file or worker in errors.</summary>
    /// <exception cref="InvalidDataException">When the text is not such an outcome.</exception>
    public static PatientOutcome Read(string json, string source)
    {
        PatientDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<PatientDto>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a patient result: {e.Message}", e);
        }
        if (dto?.PatientId is null || dto.Slices is null || dto.SliceTruth is null || dto.Decision is null)
        {
            throw new InvalidDataException($"{source}: a patient result needs patient_id, slice_truth, decision and slices");
        }
        var slices = dto.Slices.Select(s => new SliceResult(s.Index, s.Position, s.ValidArea,
            new SliceDetection(s.Boxes ?? [], s.RemovedLesionPixels, s.MaxPixelProbability, s.ImageScore))).ToArray();
        return new PatientOutcome(new PatientResult(dto.PatientId, slices, dto.Decision), dto.IsCovid, dto.SliceTruth);
    }

    private sealed record PatientDto(string PatientId, bool IsCovid, bool?[] SliceTruth, PatientDecision Decision, SliceDto[] Slices);

    private sealed record SliceDto(int Index, double Position, ImageRectangle? ValidArea, LesionBox[]? Boxes, double RemovedLesionPixels, double? MaxPixelProbability, ImageScore ImageScore);
}
