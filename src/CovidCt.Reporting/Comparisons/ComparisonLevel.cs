namespace CovidCt.Reporting.Comparisons;

/// <summary>The unit two models are compared on.</summary>
public enum ComparisonLevel
{
    /// <summary>Patients: the quadrant rule's decision and the patient score, against the label.</summary>
    Patient,

    /// <summary>Slices with a known truth: the slice decision (any box) and the image score, against the slice truth.</summary>
    Image,
}
