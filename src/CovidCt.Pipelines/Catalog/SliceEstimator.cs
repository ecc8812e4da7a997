using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// An estimator for one step of the pipeline. The steps learn nothing from data: <see cref="Fit"/> checks the input
/// columns and returns the configured transformer.
/// </summary>
/// <typeparam name="TInput">Row type the step reads.</typeparam>
/// <typeparam name="TOutput">Row type the step writes.</typeparam>
public sealed class SliceEstimator<TInput, TOutput> : IEstimator<ITransformer>
    where TInput : class, new()
    where TOutput : class, new()
{
    private readonly MLContext _context;
    private readonly Func<ITransformer> _create;
    private readonly string[] _requiredColumns;
    private readonly string _step;

    internal SliceEstimator(MLContext context, string step, Func<ITransformer> create)
    {
        _context = context;
        _step = step;
        _create = create;
        _requiredColumns = SchemaDefinition.Create(typeof(TInput)).Select(c => c.ColumnName).ToArray();
    }

    /// <summary>Checks that <paramref name="input"/> has the step's columns and returns its transformer.</summary>
    /// <exception cref="ArgumentException">When a column the step reads is missing, naming it.</exception>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireColumns(input.Schema.Select(c => c.Name));
        return _create();
    }

    /// <summary>The input columns plus the step's columns, after checking the input has what the step reads.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        RequireColumns(inputSchema.Select(c => c.Name));
        // ML.NET offers no public way to build a SchemaShape; a no-op CustomMapping between the two row types computes it.
        return _context.Transforms.CustomMapping<TInput, TOutput>((_, _) => { }, contractName: null).GetOutputSchema(inputSchema);
    }

    private void RequireColumns(IEnumerable<string> available)
    {
        var missing = _requiredColumns.Except(available, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0) throw new ArgumentException($"{_step} reads the column(s) {string.Join(", ", missing)}, which the input does not have; put the earlier steps of the pipeline before it");
    }
}
