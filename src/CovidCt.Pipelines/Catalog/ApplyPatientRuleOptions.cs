using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Everything step 8 (the patient rule, slice rows to patient rows) needs.</summary>
public sealed class ApplyPatientRuleOptions
{
    /// <summary>k, gap and the quadrant rule.</summary>
    public PatientRuleOptions PatientRule { get; set; } = new();

    /// <summary>Checks the options once, when the pipeline is built.</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(PatientRule, nameof(PatientRule));
        PatientRule.Validate();
    }
}
