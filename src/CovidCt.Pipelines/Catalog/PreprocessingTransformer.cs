using CovidCt.Pipelines.Preprocessing;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Step 2: adds the model input column <c>Image</c> (a vector of known size) to each slice.</summary>
public sealed class PreprocessingTransformer : SliceTransformer<CtSliceRow, PreprocessedSliceRow>
{
    internal PreprocessingTransformer(MLContext context, ImagePreprocessing preprocessing) : base(context) => Preprocessing = preprocessing;

    /// <summary>The resolved preprocessing (options, then model metadata, then the study).</summary>
    public ImagePreprocessing Preprocessing { get; }

    /// <inheritdoc/>
    protected override IEnumerable<PreprocessedSliceRow> Map(IEnumerable<CtSliceRow> rows)
    {
        float[]? scratch = null;
        foreach (var row in rows)
        {
            var image = new float[Preprocessing.ImageLength];
            Preprocessing.Apply(row.Hounsfield, row.Width, row.Height, image, ref scratch);
            yield return PreprocessedSliceRow.From(row, image);
        }
    }

    /// <inheritdoc/>
    protected override SchemaDefinition OutputSchemaDefinition()
    {
        var definition = base.OutputSchemaDefinition();
        definition[nameof(PreprocessedSliceRow.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Preprocessing.ImageLength);
        return definition;
    }
}
