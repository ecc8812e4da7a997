using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Catalog;

/// <summary>One patient after the patient rule, as an IDataView row.</summary>
public sealed class PatientRow
{
    /// <summary>Patient identifier.</summary>
    public string PatientId { get; set; } = "";

    /// <summary>True for a COVID-19 patient, false for a control.</summary>
    public bool Label { get; set; }

    /// <summary>The rule's decision.</summary>
    public bool IsPositive { get; set; }

    /// <summary>Patient score for ROC (see <see cref="PatientDecision.Score"/>).</summary>
    public float Score { get; set; }

    /// <summary>Quadrant of the qualifying run, as <see cref="Quadrant"/> flags (0 when none).</summary>
    public int Quadrant { get; set; }

    /// <summary>First slice of that run in anatomical order, or -1.</summary>
    public int FirstSlice { get; set; }

    /// <summary>Last slice of that run, or -1.</summary>
    public int LastSlice { get; set; }

    /// <summary>Slices with at least one box.</summary>
    public int PositiveSlices { get; set; }

    /// <summary>Slices evaluated.</summary>
    public int SliceCount { get; set; }
}
