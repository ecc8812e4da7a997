namespace CovidCt.Metrics;

/// <summary>Net reclassification and integrated discrimination improvement (see <see cref="Reclassification"/>).</summary>
/// <param name="Threshold">The risk threshold of the NRI.</param>
/// <param name="Nri">Two-category NRI (between −2 and 2).</param>
/// <param name="NriInterval">NRI ± z·√(( p↑ + p↓ | events)/n_events + (p↑ + p↓ | non-events)/n_non-events).</param>
/// <param name="NriPValue">Two-sided p of the NRI z-test; 1 when nobody moved.</param>
/// <param name="EventNri">P(up | event) − P(down | event): the change in sensitivity.</param>
/// <param name="NonEventNri">P(down | non-event) − P(up | non-event): the change in specificity.</param>
/// <param name="Idi">Integrated discrimination improvement.</param>
/// <param name="IdiInterval">IDI ± z·√(s²_events/n_events + s²_non-events/n_non-events) of the per-case differences p_new − p_old.</param>
/// <param name="IdiPValue">Two-sided p of the IDI z-test.</param>
public sealed record ReclassificationResult(double Threshold, double Nri, ConfidenceInterval NriInterval, double NriPValue, double EventNri, double NonEventNri,
    double Idi, ConfidenceInterval IdiInterval, double IdiPValue);
