namespace CovidCt.Cli.Tests;

/// <summary>
/// The eight-image, four-patient score table the metrics command tests share: two images a patient, so the
/// patient bootstrap and the clustered intervals differ from the per-image ones.
/// </summary>
internal static class ClusteredScores
{
    /// <summary>The table as `metrics scores` reads it.</summary>
    public const string Csv = """
        id,label,score,patient
        a1,1,0.9,p1
        a2,1,0.8,p1
        b1,0,0.7,p2
        b2,1,0.6,p2
        c1,0,0.3,p3
        c2,0,0.6,p3
        d1,1,0.4,p4
        d2,0,0.2,p4
        """;

    /// <summary>The score column, in row order, for computing the expected figures with CovidCt.Metrics.</summary>
    public static double[] Scores => [0.9, 0.8, 0.7, 0.6, 0.3, 0.6, 0.4, 0.2];

    /// <summary>The label column, in row order.</summary>
    public static bool[] Labels => [true, true, false, true, false, false, true, false];

    /// <summary>The patient column, in row order.</summary>
    public static string[] Patients => ["p1", "p1", "p2", "p2", "p3", "p3", "p4", "p4"];
}
