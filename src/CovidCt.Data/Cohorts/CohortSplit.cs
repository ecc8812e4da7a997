namespace CovidCt.Data.Cohorts;

/// <summary>The part of a cohort a patient belongs to; written <c>train</c>, <c>val</c> or <c>test</c> in a manifest.</summary>
public enum CohortSplit
{
    /// <summary>Used to fit models.</summary>
    Train,

    /// <summary>Used to choose models and thresholds.</summary>
    Val,

    /// <summary>Held out for the reported results.</summary>
    Test,
}
