namespace CovidCt.Interactive.Workspace;

/// <summary>A notebook's reproducibility record (<see cref="Reproducibility.Record"/>), shown as a two-column table.</summary>
/// <param name="Items">One line each, in the order recorded.</param>
public sealed record ReproducibilityRecord(IReadOnlyList<ReproducibilityItem> Items);
