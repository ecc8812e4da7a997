using CovidCt.Interactive.Figures;
using CovidCt.Interactive.Html;

namespace CovidCt.Interactive.Formatting;

/// <summary>HTML for rendered slices: inline PNG images with their captions.</summary>
public static class FigureHtml
{
    private const int DisplayWidth = 256;

    /// <summary>One slice at its original size, with its caption.</summary>
    public static string Figure(SliceFigure figure) => Markup.Block(Image(figure, width: null));

    /// <summary>A grid of slices shown 256 pixels wide (click-free: the full-resolution PNG is embedded); "no slices" when empty.</summary>
    public static string Gallery(SliceGallery gallery) => Markup.Block(
        Markup.Paragraph(gallery.Title),
        gallery.Figures.Count == 0
            ? Markup.Paragraph("No slices to show.")
            : $"<div style=\"display:flex;flex-wrap:wrap;gap:8px\">{string.Concat(gallery.Figures.Select(f => Image(f, DisplayWidth)))}</div>");

    private static string Image(SliceFigure figure, int? width) =>
        $"<figure style=\"margin:0\"><img src=\"data:image/png;base64,{Convert.ToBase64String(figure.Png)}\" alt=\"{Markup.Encode(figure.Caption)}\"" +
        (width is { } w ? $" width=\"{w}\"" : "") +
        $"/><figcaption style=\"font-size:smaller;max-width:{width ?? DisplayWidth * 2}px\">{Markup.Encode(figure.Caption)}</figcaption></figure>";
}
