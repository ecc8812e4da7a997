using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// An estimator for one step of the pipeline. The steps learn nothing from data: the options were validated when the
/// estimator was made, and <see cref="Fit"/> checks the input columns and returns the step's typed transformer.
/// </summary>
/// <typeparam name="TInput">Row type the step reads.</typeparam>
/// <typeparam name="TOutput">Row type the step writes.</typeparam>
/// <typeparam name="TTransformer">The step's transformer.</typeparam>
public sealed class SliceEstimator<TInput, TOutput, TTransformer> : IEstimator<TTransformer>
    where TInput : class, new()
    where TOutput : class, new()
    where TTransformer : SliceTransformer<TInput, TOutput>
{
    private readonly MLContext _context;
    private readonly Func<TTransformer> _create;
    private readonly string[] _requiredColumns;
    private readonly string _step;

    internal SliceEstimator(MLContext context, string step, Func<TTransformer> create)
    {
        _context = context;
        _step = step;
        _create = create;
        _requiredColumns = SchemaDefinition.Create(typeof(TInput)).Select(c => c.ColumnName).ToArray();
    }

    /// <summary>Checks that <paramref name="input"/> has the step's columns and returns its transformer (which may hold a model session: dispose it).</summary>
    /// <exception cref="ArgumentException">When a column the step reads is missing, naming it.</exception>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Rows of an earlier CovidCt step have this step's columns by their type.
        if (input is not IRowStream<TInput>) RequireColumns(input.Schema.Select(c => c.Name));
        return _create();
    }

    /// <summary>The input columns plus the step's columns, after checking the input has what the step reads.</summary>
    /// <remarks>
    /// ML.NET offers no public way to build a <see cref="SchemaShape"/>; a no-op <c>CustomMapping</c> between the two row types
    /// computes it. For the patient rule, whose rows replace the slice rows, the shape therefore still lists the slice columns;
    /// its transformer's schema is exact.
    /// </remarks>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        RequireColumns(inputSchema.Select(c => c.Name));
        return _context.Transforms.CustomMapping<TInput, TOutput>((_, _) => { }, contractName: null).GetOutputSchema(inputSchema);
    }

    private void RequireColumns(IEnumerable<string> available)
    {
        var missing = _requiredColumns.Except(available, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0) throw new ArgumentException($"{_step} reads the column(s) {string.Join(", ", missing)}, which the input does not have; put the earlier steps of the pipeline before it");
    }
}
