namespace CovidCt.Metrics;

/// <summary>
/// One case (image) of a free-response study, as the JAFROC figures of merit see it: its true lesions with the rating each
/// received, and the ratings of the marks on it that hit no lesion (non-lesion localisations).
/// </summary>
/// <param name="Id">The case's name, unique in the study (for a CT slice, patient and slice index).</param>
/// <param name="Cluster">
/// The unit the jackknife leaves out: the patient a slice belongs to, or <see cref="Id"/> when cases are independent.
/// </param>
/// <param name="Lesions">The true lesions; none for a normal (lesion-free) case.</param>
/// <param name="NonLesionScores">The scores of the marks that hit no lesion; any number of them, including none.</param>
public sealed record FreeResponseCase(string Id, string Cluster, IReadOnlyList<FreeResponseLesion> Lesions, IReadOnlyList<double> NonLesionScores)
{
    /// <summary>True when the case has no lesion: only these cases give the false-positive side of the AFROC.</summary>
    public bool IsNormal => Lesions.Count == 0;
}

/// <summary>One true lesion of a <see cref="FreeResponseCase"/>.</summary>
/// <param name="Score">
/// The highest score of a mark that hits the lesion, or null when none does: an unmarked lesion is rated −∞ (Chakraborty's
/// convention), so it ties with a normal case that has no mark and loses to every marked one.
/// </param>
/// <param name="Weight">
/// The lesion's clinical weight for the weighted AFROC, or null for the default: every lesion of the case gets an equal
/// share. When given, the weights of one case must all be given and sum to 1.
/// </param>
public sealed record FreeResponseLesion(double? Score, double? Weight = null);
