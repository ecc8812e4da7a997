using CovidCt.Data.Cohorts;
using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

/// <summary>Small simulated patients shared by the synthesis tests (rendering is the slow part).</summary>
public static class SynthesisFixture
{
    public static PhantomOptions Options(ulong seed) => new(seed, 128, 128, 24, 2.5, 5.0);

    private static readonly Lazy<PhantomScan> LazyScan = new(() => ChestPhantom.Render(Options(11)));
    private static readonly Lazy<SimulatedPatient> LazyCovid = new(() => PatientSimulator.Procedural(Options(11), PatientLabel.Covid));
    private static readonly Lazy<SimulatedPatient> LazyControl = new(() => PatientSimulator.Procedural(Options(12), PatientLabel.Control));

    /// <summary>The noise-free render of seed 11.</summary>
    public static PhantomScan Scan => LazyScan.Value;

    /// <summary>A COVID-19 patient of seed 11 (same anatomy as <see cref="Scan"/>).</summary>
    public static SimulatedPatient Covid => LazyCovid.Value;

    /// <summary>A control patient of seed 12.</summary>
    public static SimulatedPatient Control => LazyControl.Value;
}
