using CovidCt.Pipelines.Preprocessing;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Step 2: adds the model input column <c>Image</c> (a vector of known size) to each slice, made when it is first read (so a
/// patient whose maps the cache holds is never preprocessed), in the patient's frame (one for all its slices, see
/// <see cref="ImagePreprocessing.Framing"/>).
/// </summary>
public sealed class PreprocessingTransformer : SliceTransformer<CtSliceRow, PreprocessedSliceRow>
{
    internal PreprocessingTransformer(MLContext context, ImagePreprocessing preprocessing) : base(context) => Preprocessing = preprocessing;

    /// <summary>The resolved preprocessing (options, then model metadata, then the study).</summary>
    public ImagePreprocessing Preprocessing { get; }

    /// <inheritdoc/>
    protected override IEnumerable<PreprocessedSliceRow> Map(IEnumerable<CtSliceRow> rows)
    {
        foreach (var patient in PatientGroups.Of(rows))
        {
            // One per patient: the scoring step has the next patient's images made on another thread while this one's are made
            // here only when a cache file proves unreadable, so two patients' images may be made at once.
            var scratch = new Scratch();
            // Framed once per patient, when an image is made or the scoring step asks for the frame to take maps back through.
            // Thread-safe: the scoring step reads it on its read-ahead thread, and makes images on its own when a cache file
            // proves unreadable.
            var frame = new Lazy<SliceFrame>(() => FrameOf(Preprocessing, patient), LazyThreadSafetyMode.ExecutionAndPublication);
            foreach (var row in patient)
            {
                var hounsfield = row.HounsfieldPixels;
                var preprocessed = PreprocessedSliceRow.From(row, () =>
                {
                    var image = new float[Preprocessing.ImageLength];
                    Preprocessing.Apply(hounsfield.Span, frame.Value, image, ref scratch.Buffer);
                    return image;
                });
                preprocessed.PatientFrame = (Preprocessing, frame);
                yield return preprocessed;
            }
        }
    }

    /// <summary>
    /// The frame of one patient's slice rows (the same for the preprocessing and the scoring step), over every slice of its
    /// volume: a chunk of a long series is framed as the whole series is.
    /// </summary>
    internal static SliceFrame FrameOf<TRow>(ImagePreprocessing preprocessing, IReadOnlyList<TRow> patient) where TRow : CtSliceRow =>
        preprocessing.FrameOf(patient[0].FramingSlices ?? patient.Select(r => r.HounsfieldPixels).ToArray(), patient[0].Width, patient[0].Height);

    // The windowed full-resolution slice, reused by every image of one patient (they are made one at a time, on one thread).
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
