namespace CovidCt.Interactive.Workspace;

/// <summary>One line of a notebook's reproducibility record.</summary>
/// <param name="Item">What is recorded ("CovidCt", "model SHA-256", ...).</param>
/// <param name="Value">Its value.</param>
public sealed record ReproducibilityItem(string Item, string Value);
