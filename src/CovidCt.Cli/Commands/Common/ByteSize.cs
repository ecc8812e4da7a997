using System.Globalization;

namespace CovidCt.Cli.Commands;

/// <summary>A size in bytes as people write it on the command line: a whole number with an optional K, M, G or T (powers of 1024).</summary>
internal static class ByteSize
{
    /// <summary>The bytes <paramref name="text"/> stands for ("2G" = 2,147,483,648).</summary>
    /// <exception cref="UsageException">When the text is not a positive size, naming <paramref name="option"/>.</exception>
    public static long Parse(string text, string option)
    {
        var trimmed = text.Trim();
        var unit = trimmed.Length > 0 ? char.ToUpperInvariant(trimmed[^1]) : ' ';
        var (digits, scale) = unit switch
        {
            'K' => (trimmed[..^1], 1L << 10),
            'M' => (trimmed[..^1], 1L << 20),
            'G' => (trimmed[..^1], 1L << 30),
            'T' => (trimmed[..^1], 1L << 40),
            _ => (trimmed, 1L),
        };
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > long.MaxValue / scale)
        {
            throw new UsageException($"{option} is '{text}'; expected a positive whole number of bytes with an optional K, M, G or T, e.g. 2G or 1500M");
        }
        return count * scale;
    }
}
