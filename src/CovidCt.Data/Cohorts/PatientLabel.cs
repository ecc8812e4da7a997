namespace CovidCt.Data.Cohorts;

/// <summary>A patient's reference diagnosis; written <c>covid</c> or <c>control</c> in a manifest.</summary>
public enum PatientLabel
{
    /// <summary>COVID-19 pneumonia (positive).</summary>
    Covid,

    /// <summary>Not COVID-19: healthy or another disease (negative).</summary>
    Control,
}
