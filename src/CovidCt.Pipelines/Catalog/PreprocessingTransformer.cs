using CovidCt.Pipelines.Preprocessing;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Step 2: adds the model input column <c>Image</c> (a vector of known size) to each slice, made when it is first read (so a
/// patient whose maps the cache holds is never preprocessed).
/// </summary>
public sealed class PreprocessingTransformer : SliceTransformer<CtSliceRow, PreprocessedSliceRow>
{
    internal PreprocessingTransformer(MLContext context, ImagePreprocessing preprocessing) : base(context) => Preprocessing = preprocessing;

    /// <summary>The resolved preprocessing (options, then model metadata, then the study).</summary>
    public ImagePreprocessing Preprocessing { get; }

    /// <inheritdoc/>
    protected override IEnumerable<PreprocessedSliceRow> Map(IEnumerable<CtSliceRow> rows)
    {
        var scratch = new Scratch();
        foreach (var row in rows)
        {
            var (hounsfield, width, height) = (row.HounsfieldPixels, row.Width, row.Height);
            yield return PreprocessedSliceRow.From(row, () =>
            {
                var image = new float[Preprocessing.ImageLength];
                Preprocessing.Apply(hounsfield.Span, width, height, image, ref scratch.Buffer);
                return image;
            });
        }
    }

    // The windowed full-resolution slice, reused by every image of one enumeration (images are made one at a time).
    private sealed class Scratch
    {
        public float[]? Buffer;
    }

    /// <inheritdoc/>
    protected override SchemaDefinition OutputSchemaDefinition()
    {
        var definition = base.OutputSchemaDefinition();
        definition[nameof(PreprocessedSliceRow.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Preprocessing.ImageLength);
        return definition;
    }
}
