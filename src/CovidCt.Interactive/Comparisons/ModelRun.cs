using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Interactive.Comparisons;

/// <summary>One model's evaluation on a cohort, under the name a comparison shows.</summary>
/// <param name="Name">The model's name, e.g. <c>unetpp-v2</c>.</param>
/// <param name="Evaluation">Its evaluation.</param>
public sealed record ModelRun(string Name, PipelineEvaluation Evaluation);
