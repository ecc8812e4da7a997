using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Files;

/// <summary>A fragile patient call in JSON (<see cref="FragileCall"/>): a field added to schema 3, so old readers ignore it.</summary>
/// <param name="Reason">The reason's key (<see cref="FragileCallText.Key"/>).</param>
/// <param name="Quadrant">The quadrant of the run concerned.</param>
/// <param name="FirstSliceIndex">The run's first 0-based slice index.</param>
/// <param name="LastSliceIndex">The run's last 0-based slice index.</param>
/// <param name="WithinPixels">How far a box may move for the call to count as fragile (<see cref="FragileCall.WithinPixels"/>).</param>
/// <param name="Text">The reason in words (<see cref="FragileCallText.Reason"/>).</param>
public sealed record FragileCallDocument(string Reason, string Quadrant, int FirstSliceIndex, int LastSliceIndex, double WithinPixels, string Text)
{
    /// <summary>The document of a fragile <paramref name="call"/>, or null when the call is firm.</summary>
    public static FragileCallDocument? Of(FragileCall? call) =>
        call is null ? null : new(FragileCallText.Key(call.Reason), QuadrantNames.Key(call.Quadrant), call.FirstSlice, call.LastSlice, FragileCall.WithinPixels, FragileCallText.Reason(call));
}
