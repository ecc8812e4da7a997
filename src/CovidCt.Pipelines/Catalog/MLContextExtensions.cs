using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>How a researcher reaches the study's pipeline from their own <see cref="MLContext"/>.</summary>
public static class MLContextExtensions
{
    /// <summary>The CovidCt catalog of estimators on <paramref name="context"/>: <c>mlContext.CovidCt().DetectCovidLesions(...)</c>.</summary>
    public static CovidCtCatalog CovidCt(this MLContext context) => new(context);
}
