using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Catalog;

/// <summary>An IDataView whose rows a CovidCt step can also read as typed objects, without a trip through ML.NET's cursors.</summary>
/// <typeparam name="TRow">The row type (covariant: a view of detected slices is also a view of scored slices).</typeparam>
internal interface IRowStream<out TRow>
{
    /// <summary>The rows, enumerated afresh (and lazily) on every call of <c>GetEnumerator</c>.</summary>
    IEnumerable<TRow> Rows { get; }
}

/// <summary>
/// The data view between two steps of the chain: an ordinary IDataView for ML.NET (schema, cursors; any ML.NET transform or
/// <c>CreateEnumerable</c> can read it), and, for the next CovidCt step, the typed rows themselves. Passing the rows by
/// reference spares each step boundary a copy of every column (a full-resolution slice among them) in and out of ML.NET's
/// buffers, the way ML.NET's own transforms pass getters through rather than copy. Rows still stream: nothing is enumerated
/// until a cursor or the next step asks, and one patient at a time at most is held.
/// </summary>
internal sealed class RowStream<TRow> : IDataView, IRowStream<TRow>
    where TRow : class
{
    // Made on first use: between two CovidCt steps only the typed rows are read, and ML.NET builds its view by reflection.
    private readonly Lazy<IDataView> _view;

    public RowStream(MLContext context, IEnumerable<TRow> rows, SchemaDefinition? schema = null)
    {
        Rows = rows;
        _view = new Lazy<IDataView>(() => context.Data.LoadFromEnumerable(rows, schema ?? SchemaDefinition.Create(typeof(TRow))));
    }

    public IEnumerable<TRow> Rows { get; }

    public bool CanShuffle => _view.Value.CanShuffle;

    public DataViewSchema Schema => _view.Value.Schema;

    public long? GetRowCount() => _view.Value.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => _view.Value.GetRowCursor(columnsNeeded, rand);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        _view.Value.GetRowCursorSet(columnsNeeded, n, rand);
}
