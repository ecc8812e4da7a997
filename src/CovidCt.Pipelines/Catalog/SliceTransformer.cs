using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Base of the pipeline's transformers: reads typed rows of one step, writes typed rows of the next, lazily (a cursor over
/// the output pulls rows through the input one row, or one patient, at a time; no step holds more than one patient).
/// Between two CovidCt steps the rows pass by reference (see <see cref="RowStream{TRow}"/>), not through ML.NET's buffers.
/// Disposable: a step holding a model session releases it.
/// </summary>
/// <remarks>
/// ML.NET can write only its own transforms (and registered CustomMapping factories) with <c>mlContext.Model.Save</c>;
/// these transformers are written and re-created through <see cref="Definition.PipelineDefinition"/> instead.
/// </remarks>
/// <typeparam name="TInput">Row type read.</typeparam>
/// <typeparam name="TOutput">Row type written.</typeparam>
public abstract class SliceTransformer<TInput, TOutput> : ITransformer, IDisposable
    where TInput : class, new()
    where TOutput : class, new()
{
    private readonly MLContext _context;

    /// <summary>Creates the transformer for <paramref name="context"/>.</summary>
    protected SliceTransformer(MLContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>False: each output row may depend on several input rows (batching).</summary>
    public bool IsRowToRowMapper => false;

    /// <summary>The columns of <typeparamref name="TOutput"/>, with the vector sizes this step knows.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _context.Data.LoadFromEnumerable(Array.Empty<TOutput>(), OutputSchemaDefinition()).Schema;

    /// <summary>Not available: see <see cref="IsRowToRowMapper"/>.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException($"{GetType().Name} maps batches of rows, not single rows; use Transform.");

    /// <summary>
    /// Maps <paramref name="input"/> lazily. From an earlier CovidCt step (or <see cref="SliceDataView"/>) the typed rows are
    /// read directly; from any other IDataView they are read through ML.NET's cursor.
    /// </summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rows = input is IRowStream<TInput> typed ? typed.Rows : new Replayable(() => _context.Data.CreateEnumerable<TInput>(input, reuseRowObject: false));
        // Map is an iterator: each enumeration of it runs afresh over a fresh enumeration of the rows.
        return new RowStream<TOutput>(_context, Map(rows), OutputSchemaDefinition());
    }

    /// <summary>Not available for transforms outside ML.NET's assemblies.</summary>
    /// <exception cref="NotSupportedException">Always; save a <see cref="Definition.PipelineDefinition"/> instead.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("ML.NET cannot save transforms defined outside its own assemblies; save the pipeline as a PipelineDefinition (JSON) instead.");

    /// <summary>Releases what the step holds (a model session).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases managed resources when <paramref name="disposing"/>; the base holds none.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>The output rows for <paramref name="rows"/>, in order.</summary>
    protected abstract IEnumerable<TOutput> Map(IEnumerable<TInput> rows);

    /// <summary>The output schema definition; override to give vector columns a known size.</summary>
    protected virtual SchemaDefinition OutputSchemaDefinition() => SchemaDefinition.Create(typeof(TOutput));

    // The rows of an IDataView from elsewhere, read again through a new cursor for each enumeration.
    private sealed class Replayable(Func<IEnumerable<TInput>> rows) : IEnumerable<TInput>
    {
        public IEnumerator<TInput> GetEnumerator() => rows().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
