using CovidCt.Interactive.Html;
using CovidCt.Pipelines.Models;
using CovidCt.Reporting.Models;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// An ONNX model in a notebook: its inputs, outputs, layout, size and window, each with where it comes from (the graph, the
/// model's metadata, or assumed), and a warning naming every assumed value, so a model without metadata never silently gets the
/// study's window.
/// </summary>
public static class ModelSummaryHtml
{
    /// <summary>The summary table of <paramref name="model"/>.</summary>
    public static string Model(OnnxModelInfo model) => Summary(ModelSummary.Of(model));

    /// <summary>The summary table, then the assumed values in one warning line.</summary>
    public static string Summary(ModelSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = summary.Rows.Select(r => (IReadOnlyList<Cell>)[Markup.Encode(r.Item), Markup.Encode(r.Value), r.Source == ModelSummary.Assumed ? $"<span class=\"miss\">{Markup.Encode(r.Source)}</span>" : Markup.Encode(r.Source)]);
        var assumed = summary.AssumedRows;
        var warning = assumed.Count == 0
            ? Markup.Paragraph("Every input setting is declared by the model.")
            : Markup.Paragraph($"Assumed, not declared by the model: {string.Join(", ", assumed.Select(r => r.Item.ToLowerInvariant()))}. Check them against how the model was trained, or add covidct.* metadata (docs/models.md).");
        return Markup.Block(Markup.Table($"Model {Path.GetFileName(summary.Path)}", ["", "Value", "From"], rows), warning);
    }
}
