namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The original slice a probability map was computed from.</summary>
/// <param name="Width">Columns of the original slice.</param>
/// <param name="Height">Rows of the original slice.</param>
/// <param name="ColumnSpacing">mm between columns; 0 or NaN when unknown (areas in mm² are then null).</param>
/// <param name="RowSpacing">mm between rows; 0 or NaN when unknown.</param>
public readonly record struct SliceGeometry(int Width, int Height, double ColumnSpacing, double RowSpacing)
{
    /// <summary>True when both spacings are known positive numbers.</summary>
    public bool HasSpacing => ColumnSpacing > 0 && RowSpacing > 0;
}
