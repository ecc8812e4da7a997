namespace CovidCt.Interactive.Html;

/// <summary>One table cell: an HTML fragment, right-aligned when numeric.</summary>
internal readonly record struct Cell(string Html, bool IsNumeric)
{
    public static implicit operator Cell(string html) => new(html, false);

    public static Cell Numeric(string html) => new(html, true);
}
