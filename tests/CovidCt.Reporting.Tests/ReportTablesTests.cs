using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;

namespace CovidCt.Reporting.Tests;

/// <summary>The small text conventions of the evaluation files: CSV quoting, quadrant lists, figure file names.</summary>
public sealed class ReportTablesTests
{
    [Fact]
    public void Csv_fields_are_quoted_only_when_they_hold_a_separator_quote_or_line_break()
    {
        var csv = new CsvText("patient", "note").Row("a,b", "say \"hi\"").Row("plain", "two\nlines").ToString();
        Assert.Equal("patient,note\n\"a,b\",\"say \"\"hi\"\"\"\nplain,\"two\nlines\"\n", csv);
    }

    [Fact]
    public void Numbers_in_csv_are_invariant_and_trimmed()
    {
        Assert.Equal("0.5", CsvText.Number(0.5));
        Assert.Equal("-5.736", CsvText.Number(-5.7360000001, "0.###"));
    }

    [Fact]
    public void Quadrants_are_listed_in_display_order_and_empty_for_none()
    {
        Assert.Equal("UpperLeft|LowerRight", QuadrantNames.Key(Quadrant.LowerRight | Quadrant.UpperLeft));
        Assert.Equal("", QuadrantNames.Key(Quadrant.None));
    }

    [Fact]
    public void Figure_names_keep_only_safe_characters_of_a_patient_id()
    {
        Assert.Equal("sim-003", ErrorFigures.SafeName("sim-003"));
        Assert.Equal("a_b_c.d", ErrorFigures.SafeName("a/b c.d"));
    }
}
