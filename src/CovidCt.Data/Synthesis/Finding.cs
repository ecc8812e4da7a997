namespace CovidCt.Data.Synthesis;

/// <summary>The kinds of simulated lung findings.</summary>
public enum FindingKind
{
    /// <summary>COVID-19: hazy ground-glass opacity (about −750..−300 HU), vessels visible through it.</summary>
    GroundGlass,

    /// <summary>COVID-19: ground glass with a consolidated core.</summary>
    MixedGroundGlassConsolidation,

    /// <summary>COVID-19: ground glass with superimposed interlobular septal thickening ("crazy paving").</summary>
    CrazyPaving,

    /// <summary>COVID-19: consolidation (about −100..+50 HU).</summary>
    Consolidation,

    /// <summary>Control: solid pulmonary nodule.</summary>
    Nodule,

    /// <summary>Control: lobar, bacterial-like consolidation.</summary>
    LobarConsolidation,

    /// <summary>Control: plate-like atelectasis band.</summary>
    AtelectasisBand,

    /// <summary>Control: emphysema (clusters of low-attenuation spaces).</summary>
    Emphysema,

    /// <summary>COVID-19: consolidation with air bronchograms (branching air channels left open inside it); <see cref="LesionModel.Realistic"/> only.</summary>
    ConsolidationWithAirBronchogram,

    /// <summary>Confounder: partial volume of the heart border in the lower, anterior lung; <see cref="LesionModel.Realistic"/> only.</summary>
    HeartBorderPartialVolume,

    /// <summary>Confounder: partial volume of a diaphragm dome in the lowest lung slices; <see cref="LesionModel.Realistic"/> only.</summary>
    DiaphragmPartialVolume,

    /// <summary>Confounder: a vessel beside the hilum cut obliquely; <see cref="LesionModel.Realistic"/> only.</summary>
    HilarVessel,

    /// <summary>Confounder: the chest wall and pleura cut tangentially at the lung apex; <see cref="LesionModel.Realistic"/> only.</summary>
    ApicalChestWall,
}

/// <summary>One simulated finding, in the volume's millimetre frame (column × column spacing, row × row spacing, slice position).</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Centre">Centre, mm.</param>
/// <param name="Outward">In-plane unit vector towards the nearest pleura; the finding's thin axis lies along it.</param>
/// <param name="RadialRadius">Half-size along <paramref name="Outward"/>, mm.</param>
/// <param name="TangentialRadius">In-plane half-size across <paramref name="Outward"/>, mm.</param>
/// <param name="CraniocaudalRadius">Half-size along the slice normal, mm.</param>
/// <param name="Fill">Fraction of air replaced by tissue at the core (0..1); negative for emphysema (fraction of tissue replaced by air).</param>
/// <param name="Seed">Seed of the finding's shape and texture noise.</param>
public sealed record Finding(
    FindingKind Kind,
    Vector3D Centre,
    Vector3D Outward,
    double RadialRadius,
    double TangentialRadius,
    double CraniocaudalRadius,
    double Fill,
    ulong Seed)
{
    /// <summary>True for the COVID-19 pneumonia patterns, which go into the lesion mask; false for control findings.</summary>
    public bool IsCovid => Kind is FindingKind.GroundGlass or FindingKind.MixedGroundGlassConsolidation or FindingKind.CrazyPaving or FindingKind.Consolidation or FindingKind.ConsolidationWithAirBronchogram;
}
