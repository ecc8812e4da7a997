namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>Option values out of their type or range: each one a usage error naming the option and the limit.</summary>
public static class OptionCases
{
    public static IEnumerable<BadInput> All()
    {
        foreach (var count in new[] { "--tp", "--fn", "--tn", "--fp" })
        {
            foreach (var value in new[] { "1.5", "abc", "-1", "1e3", "99999999999999999999", "+-3" })
            {
                var args = new Dictionary<string, string> { ["--tp"] = "5", ["--fn"] = "1", ["--tn"] = "5", ["--fp"] = "1" };
                args[count] = value;
                yield return BadInput.Options($"metrics counts {count} {value}", ["metrics", "counts", .. args.SelectMany(a => new[] { a.Key, a.Value })],
                    count, "whole non-negative number", value);
            }
        }
        foreach (var level in new[] { "0", "1", "1.5", "-0.2", "NaN" })
        {
            yield return BadInput.Options($"metrics counts --level {level}", ["metrics", "counts", "--tp", "5", "--fn", "1", "--tn", "5", "--fp", "1", "--level", level], "--level");
        }
        yield return BadInput.Options("metrics counts --ci bogus", ["metrics", "counts", "--tp", "5", "--fn", "1", "--tn", "5", "--fp", "1", "--ci", "bogus"], "bogus");
        foreach (var total in new[] { "0", "1", "-5", "100001", "2000000000" })
        {
            yield return BadInput.Options($"metrics solve --total {total}", ["metrics", "solve", "--sens", "90", "--spec", "90", "--total", total], "--total", "100,000");
        }
        yield return BadInput.Options("metrics solve --positives 0", ["metrics", "solve", "--sens", "90", "--spec", "90", "--positives", "0", "--negatives", "5"], "--positives");
        yield return BadInput.Options("metrics solve --negatives 0", ["metrics", "solve", "--sens", "90", "--spec", "90", "--positives", "5", "--negatives", "0"], "--negatives");
        yield return BadInput.Options("metrics solve --positives 2e9", ["metrics", "solve", "--sens", "90", "--spec", "90", "--positives", "2000000000", "--negatives", "5"], "--positives", "10,000,000");
        yield return BadInput.Options("metrics solve without --sens", ["metrics", "solve", "--spec", "90", "--total", "50"], "--sens");
        yield return BadInput.Options("metrics solve --closest -1", ["metrics", "solve", "--sens", "90", "--spec", "90", "--total", "50", "--closest", "-1"], "--closest");
        yield return BadInput.Options("metrics solve total and classes", ["metrics", "solve", "--sens", "90", "--spec", "90", "--total", "50", "--positives", "5"], "either --total");
        foreach (var resamples in new[] { "0", "-1", "100001", "2000000000" })
        {
            yield return BadInput.Options($"metrics scores --resamples {resamples}", ["metrics", "scores", "scores.csv", "--resamples", resamples], "--resamples", "100,000");
        }
        yield return BadInput.Options("sweep 10 million thresholds", ["sweep", "--threshold", "0.000001:1:0.0000001"], "--threshold", "1,000,000");
        yield return BadInput.Options("sweep --min-pixels 0..100000000", ["sweep", "--min-pixels", "0..100000000"], "--min-pixels", "1,000,000");
        yield return BadInput.Options("sweep --consecutive 1..2000000", ["sweep", "--consecutive", "1..2000000"], "--consecutive", "1,000,000");
        yield return BadInput.Options("sweep grid over a million settings", ["sweep", "--threshold", "0:1:0.001", "--min-pixels", "0..1000"], "settings", "1,000,000");
        yield return BadInput.Options("sweep --threshold abc", ["sweep", "--threshold", "abc"], "--threshold", "not a number");
        yield return BadInput.Options("sweep --min-pixels 5..1", ["sweep", "--min-pixels", "5..1"], "--min-pixels", "ends before it starts");
        yield return BadInput.Options("sweep --min-pixels x", ["sweep", "--min-pixels", "x"], "--min-pixels", "not an integer");
        yield return BadInput.Options("sweep --quadrants maybe", ["sweep", "--quadrants", "maybe"], "--quadrants", "maybe");
        yield return BadInput.Options("sweep --assignment corner", ["sweep", "--assignment", "corner"], "--assignment", "corner");
        // One way to state a window (--window WIDTH/LEVEL): every malformed or non-finite form names the option and what it expects.
        foreach (var window in new[] { "1500/NaN", "1500/Infinity", "1500/-Infinity", "0/-600", "-5/-600", "NaN/-600", "Infinity/-600" })
        {
            yield return BadInput.Options($"cohort check --window {window}", ["cohort", "check", "missing.csv", "--window", window], "--window", "positive, finite");
        }
        foreach (var window in new[] { "1500", "1500/-600/3", "wide/low" })
        {
            yield return BadInput.Options($"cohort check --window {window}", ["cohort", "check", "missing.csv", "--window", window], "--window", "WIDTH/LEVEL");
        }
        foreach (var gone in new[] { "--window-width", "--window-level" })
        {
            yield return BadInput.Options($"cohort check {gone} (replaced by --window)", ["cohort", "check", "missing.csv", gone, "1200"], gone);
        }
        yield return BadInput.Options("no such command", ["frobnicate"], "frobnicate");
    }
}
