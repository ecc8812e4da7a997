using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using CovidCt.Data.IO;

namespace CovidCt.Data.Dicom;

/// <summary>
/// A focused DICOM Part-10 parser: 128-byte preamble, "DICM", the file meta group (Explicit VR Little Endian), then the
/// data set in Implicit or Explicit VR Little Endian up to Pixel Data. Sequences (defined or undefined length) are skipped;
/// only the top-level attributes of <see cref="DicomSliceHeader"/> are kept.
/// </summary>
internal static class DicomParser
{
    private const uint UndefinedLength = 0xFFFF_FFFF;

    /// <summary>True when <paramref name="prefix"/> (at least 132 bytes) starts like a Part-10 file.</summary>
    public static bool IsPart10(ReadOnlySpan<byte> prefix) => prefix.Length >= 132 && prefix.Slice(128, 4).SequenceEqual("DICM"u8);

    /// <summary>
    /// Parses the header of a Part-10 file held (whole, or a prefix of it) in <paramref name="data"/>.
    /// Returns null when <paramref name="complete"/> is false and the prefix ends before Pixel Data.
    /// </summary>
    /// <exception cref="InvalidInputException">For an unsupported transfer syntax, a truncated file, or malformed values.</exception>
    public static DicomSliceHeader? Parse(ReadOnlySpan<byte> data, string file, bool complete)
    {
        var reader = new Reader(data, file, complete);
        try
        {
            reader.Position = 132;
            string? syntaxUid = null;
            while (reader.Remaining >= 8 && BinaryPrimitives.ReadUInt16LittleEndian(data[reader.Position..]) == 0x0002)
            {
                var (tag, length) = reader.ElementHeader(explicitVr: true);
                var value = reader.Take(length, tag);
                if (tag == DicomTag.TransferSyntaxUid) syntaxUid = Text(value);
            }
            if (syntaxUid is null) throw new InvalidInputException(file, "the file meta group has no Transfer Syntax UID", field: DicomTag.Name(DicomTag.TransferSyntaxUid));
            var syntax = TransferSyntax.Resolve(syntaxUid);
            if (!syntax.Supported) throw new InvalidInputException(file, syntax.Refusal, field: DicomTag.Name(DicomTag.TransferSyntaxUid));

            var header = new DicomSliceHeader { File = file, TransferSyntax = syntax };
            while (reader.Remaining > 0)
            {
                var (tag, length) = reader.ElementHeader(syntax.ExplicitVr);
                if (tag == DicomTag.PixelData)
                {
                    if (length == UndefinedLength) throw new InvalidInputException(file, "Pixel Data is encapsulated (compressed) although the transfer syntax says uncompressed", field: DicomTag.Name(tag));
                    header.PixelDataOffset = reader.Position;
                    header.PixelDataLength = length;
                    if (complete && length > data.Length - reader.Position)
                    {
                        throw new InvalidInputException(file, $"Pixel Data declares {length} bytes but the file ends after {data.Length - reader.Position}; truncated file", field: DicomTag.Name(tag));
                    }
                    return header;
                }
                if (length == UndefinedLength)
                {
                    reader.SkipUndefinedSequence(syntax.ExplicitVr);
                    continue;
                }
                var value = reader.Take(length, tag);
                if ((tag >> 16) is 0x0018 or 0x0020 or 0x0028) Store(header, tag, value, file);
            }
            return complete ? header : null;
        }
        catch (NeedMoreData)
        {
            return null;
        }
    }

    private static void Store(DicomSliceHeader h, uint tag, ReadOnlySpan<byte> value, string file)
    {
        switch (tag)
        {
            case DicomTag.Rows: h.Rows = UnsignedShort(value, tag, file); break;
            case DicomTag.Columns: h.Columns = UnsignedShort(value, tag, file); break;
            case DicomTag.BitsAllocated: h.BitsAllocated = UnsignedShort(value, tag, file); break;
            case DicomTag.BitsStored: h.BitsStored = UnsignedShort(value, tag, file); break;
            case DicomTag.PixelRepresentation: h.PixelRepresentation = UnsignedShort(value, tag, file); break;
            case DicomTag.SamplesPerPixel: h.SamplesPerPixel = UnsignedShort(value, tag, file); break;
            case DicomTag.NumberOfFrames: h.NumberOfFrames = (int)Decimals(value, tag, file, 1)[0]; break;
            case DicomTag.RescaleSlope: h.RescaleSlope = Decimals(value, tag, file, 1)[0]; break;
            case DicomTag.RescaleIntercept: h.RescaleIntercept = Decimals(value, tag, file, 1)[0]; break;
            case DicomTag.PixelSpacing: h.PixelSpacing = Decimals(value, tag, file, 2); break;
            case DicomTag.ImagePositionPatient: h.ImagePosition = Decimals(value, tag, file, 3); break;
            case DicomTag.ImageOrientationPatient: h.ImageOrientation = Decimals(value, tag, file, 6); break;
            case DicomTag.InstanceNumber: h.InstanceNumber = Text(value).Length == 0 ? null : (int)Decimals(value, tag, file, 1)[0]; break;
            case DicomTag.SeriesInstanceUid: h.SeriesInstanceUid = Text(value); break;
            case DicomTag.SliceThickness: h.SliceThickness = Text(value).Length == 0 ? null : Decimals(value, tag, file, 1)[0]; break;
        }
    }

    private static string Text(ReadOnlySpan<byte> value) => Encoding.ASCII.GetString(value).Trim(' ', '\0');

    private static int UnsignedShort(ReadOnlySpan<byte> value, uint tag, string file) =>
        value.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(value)
            : throw new InvalidInputException(file, $"value is {value.Length} bytes; expected an unsigned 16-bit integer", field: DicomTag.Name(tag));

    /// <summary>A DS or IS value with exactly <paramref name="count"/> backslash-separated numbers.</summary>
    private static double[] Decimals(ReadOnlySpan<byte> value, uint tag, string file, int count)
    {
        var text = Text(value);
        var parts = text.Split('\\');
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                throw new InvalidInputException(file, $"'{text}' is not a list of {count} number(s)", field: DicomTag.Name(tag));
            }
        }
        if (numbers.Length != count) throw new InvalidInputException(file, $"'{text}' has {numbers.Length} value(s); expected {count}", field: DicomTag.Name(tag));
        return numbers;
    }

    private sealed class NeedMoreData : Exception;

    private ref struct Reader(ReadOnlySpan<byte> data, string file, bool complete)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public int Position;

        public readonly int Remaining => _data.Length - Position;

        private static readonly string[] LongVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

        public (uint Tag, uint Length) ElementHeader(bool explicitVr)
        {
            Need(8, "an element header");
            var group = BinaryPrimitives.ReadUInt16LittleEndian(_data[Position..]);
            var element = BinaryPrimitives.ReadUInt16LittleEndian(_data[(Position + 2)..]);
            var tag = (uint)group << 16 | element;
            // Items and delimiters carry no VR in either encoding.
            if (!explicitVr || group == 0xFFFE)
            {
                var length = BinaryPrimitives.ReadUInt32LittleEndian(_data[(Position + 4)..]);
                Position += 8;
                return (tag, length);
            }
            var vr = Encoding.ASCII.GetString(_data.Slice(Position + 4, 2));
            if (LongVrs.Contains(vr))
            {
                Need(12, "an element header");
                var length = BinaryPrimitives.ReadUInt32LittleEndian(_data[(Position + 8)..]);
                Position += 12;
                return (tag, length);
            }
            var shortLength = BinaryPrimitives.ReadUInt16LittleEndian(_data[(Position + 6)..]);
            Position += 8;
            return (tag, shortLength);
        }

        public ReadOnlySpan<byte> Take(uint length, uint tag)
        {
            if (length > Remaining)
            {
                if (!complete) throw new NeedMoreData();
                throw new InvalidInputException(file, $"element {DicomTag.Name(tag)} declares {length} bytes but only {Remaining} remain; truncated or not DICOM", field: DicomTag.Name(tag));
            }
            var value = _data.Slice(Position, (int)length);
            Position += (int)length;
            return value;
        }

        /// <summary>Skips a sequence of undefined length: items (of defined or undefined length) up to the sequence delimiter.</summary>
        public void SkipUndefinedSequence(bool explicitVr)
        {
            while (true)
            {
                var (tag, length) = ElementHeader(explicitVr: false);
                if (tag == DicomTag.SequenceDelimitation) return;
                if (tag != DicomTag.Item) throw new InvalidInputException(file, $"expected a sequence item at byte {Position - 8} but found {DicomTag.Name(tag)}", field: DicomTag.Name(tag));
                if (length != UndefinedLength)
                {
                    Take(length, tag);
                    continue;
                }
                while (true)
                {
                    var (inner, innerLength) = ElementHeader(explicitVr);
                    if (inner == DicomTag.ItemDelimitation) break;
                    if (innerLength == UndefinedLength) SkipUndefinedSequence(explicitVr);
                    else Take(innerLength, inner);
                }
            }
        }

        private readonly void Need(int bytes, string what)
        {
            if (Remaining >= bytes) return;
            if (!complete) throw new NeedMoreData();
            throw new InvalidInputException(file, $"the file ends at byte {_data.Length} inside {what}; truncated file");
        }
    }
}
