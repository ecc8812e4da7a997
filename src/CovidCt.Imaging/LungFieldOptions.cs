namespace CovidCt.Imaging;

/// <summary>
/// The parameters of <see cref="LungFields"/>: how air is told from tissue, which enclosed air components are lungs, and how
/// the mask is finished. The valid area (per slice) and the simulator (in 3D) each state their own.
/// </summary>
/// <param name="AirThresholdHu">Pixels below this HU are air-like; NaN never is.</param>
/// <param name="AirConnectivity">In-plane neighbours that join air pixels; air connected to the border of its slice is outside air or scanner padding.</param>
/// <param name="LinkSlices">Whether enclosed air is joined across neighbouring slices (face neighbours) before components are chosen: 3D lungs.</param>
/// <param name="MaxComponents">How many of the largest enclosed components are kept at most (ties go to the first in scan order).</param>
/// <param name="MinFractionOfImage">Smallest component kept, as a fraction of the pixels of the image or volume (at least one pixel).</param>
/// <param name="MinFractionOfLargest">Smallest component kept, as a fraction of the largest enclosed component.</param>
/// <param name="FillHoles">Whether non-lung pixels that cannot reach the border of their slice (4-connected: vessels, nodules, lesions) become lung.</param>
/// <param name="ClosingRadius">Radius in pixels of the square closing applied to each slice last (0 = none).</param>
/// <param name="BorderLungInsideBody">
/// Air touching the border of its slice also counts as a lung candidate when at least this fraction of its pixels lies inside
/// the convex outline of the slice's non-air pixels (0 = never: only enclosed air). On a slice cropped through the chest the
/// lungs touch the border but lie between the chest wall and the mediastinum, inside that outline; outside air, the gap under
/// the table and the padding of the scan circle lie round the body, outside it. Per slice only: not with <paramref name="LinkSlices"/>.
/// </param>
internal sealed record LungFieldOptions(
    float AirThresholdHu,
    Connectivity AirConnectivity,
    bool LinkSlices,
    int MaxComponents,
    double MinFractionOfImage,
    double MinFractionOfLargest,
    bool FillHoles,
    int ClosingRadius,
    double BorderLungInsideBody = 0);
