using CovidCt.Interactive.Html;
using CovidCt.Interactive.Workspace;

namespace CovidCt.Interactive.Formatting;

/// <summary>HTML for a reproducibility record: what was recorded, and its value.</summary>
public static class ReproducibilityHtml
{
    /// <summary>A two-column table under the caption "Reproducibility".</summary>
    public static string Record(ReproducibilityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Markup.Block(Markup.Table("Reproducibility", ["Item", "Value"],
            record.Items.Select(i => (IReadOnlyList<Cell>)[Markup.Encode(i.Item), $"<code>{Markup.Encode(i.Value)}</code>"])));
    }
}
