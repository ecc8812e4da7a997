namespace CovidCt.Data;

/// <summary>
/// Geometry a reader took as given because the source did not state it: legal input, but if the guess is wrong the slice
/// order, left and right or the quadrants the patient rule compares are wrong, so every front end shows it as a warning before
/// any number (<see cref="CtVolume.Assumptions"/>). One per volume and kind, never one per slice.
/// </summary>
public sealed class ReadAssumption
{
    internal ReadAssumption(string source, string field, string assumed, string consequence)
    {
        Source = source;
        Field = field;
        Assumed = assumed;
        Consequence = consequence;
    }

    /// <summary>The file or folder read.</summary>
    public string Source { get; }

    /// <summary>The attribute or header field the source lacked, e.g. <c>(0020,0037) Image Orientation (Patient)</c>.</summary>
    public string Field { get; }

    /// <summary>What was missing and what the reader took instead.</summary>
    public string Assumed { get; }

    /// <summary>What is wrong when the assumption is, and how to state the truth instead.</summary>
    public string Consequence { get; }

    /// <summary>The warning as printed: "source, field 'F': what was assumed; what it changes", like an input error.</summary>
    public string Warning => CovidCtInputException.Format(Source, $"{Assumed}; {Consequence}", line: null, Field);

    /// <summary>The warning (<see cref="Warning"/>).</summary>
    public override string ToString() => Warning;
}
