using System.Globalization;
using System.Text;

namespace JourneyContent.Reports.Export;

/// <summary>
/// The one CSV writer of the module (report exports, the leads list, the <c>replay</c> command's output): RFC 4180,
/// tuned so that Excel opens the file correctly (UTF-8 with BOM, CRLF records, invariant numbers) and so that no cell
/// can be interpreted as a spreadsheet formula (OWASP CSV injection guidance).
/// </summary>
/// <remarks>
/// <para>
/// Every cell, headers and numbers included, that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, TAB or CR is
/// prefixed with <c>'</c>: a spreadsheet then shows it as text. A negative number therefore reads as text; the
/// reports have none, and a uniform rule cannot be bypassed by a value that merely looks numeric.
/// </para>
/// <para>
/// A cell containing <c>,</c>, <c>;</c>, a double quote, CR or LF, or starting or ending with a space, is quoted,
/// so the file splits into the same columns whether the reader's list separator is a comma or (as in French
/// locales) a semicolon.
/// </para>
/// <para>
/// Cell formatting: <see langword="null"/> is empty; strings are written as is (made formula-safe);
/// <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/> and other integers use the invariant culture;
/// <see cref="double"/> and <see cref="float"/> use <c>0.####</c>; <see cref="DateTimeOffset"/> and
/// <see cref="DateTime"/> are written as ISO 8601 UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>; <see cref="DateOnly"/> as
/// <c>yyyy-MM-dd</c>; <see cref="bool"/> as <c>true</c>/<c>false</c>; <see cref="TimeSpan"/> as total hours
/// formatted <c>0.##</c>; anything else through its invariant-culture string.
/// </para>
/// </remarks>
public sealed class CsvTable
{
    /// <summary>The HTTP content type to serve <see cref="ToUtf8WithBom"/> with.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    private const string RecordSeparator = "\r\n";

    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table with the given column headers.</summary>
    /// <param name="headers">The column headers; written as the first record.</param>
    /// <exception cref="ArgumentException">When there are no headers.</exception>
    public CsvTable(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count == 0)
        {
            throw new ArgumentException("A CSV table needs at least one column.", nameof(headers));
        }

        Headers = [.. headers];
    }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The data rows as formatted cells (invariant numbers, every formula-like cell prefixed with <c>'</c>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>The number of data rows added so far (the header row excluded).</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a data row.</summary>
    /// <param name="cells">One value per column, formatted as described on <see cref="CsvTable"/>.</param>
    /// <returns>This table, for chaining.</returns>
    /// <exception cref="ArgumentException">When the number of cells differs from the number of headers.</exception>
    public CsvTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException(
                $"The row has {cells.Length} cells but the table has {Headers.Count} columns.", nameof(cells));
        }

        _rows.Add(Array.ConvertAll(cells, FormatCell));
        return this;
    }

    /// <summary>Adds a data row.</summary>
    /// <param name="cells">One value per column, formatted as described on <see cref="CsvTable"/>.</param>
    /// <returns>This table, for chaining.</returns>
    /// <exception cref="ArgumentException">When the number of cells differs from the number of headers.</exception>
    public CsvTable AddRow(IEnumerable<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return AddRow([.. cells]);
    }

    /// <summary>Writes the table as CSV text (no BOM), every record ending with CRLF.</summary>
    /// <returns>The CSV text.</returns>
    public string ToCsv()
    {
        var builder = new StringBuilder();
        AppendRecord(builder, Headers.Select(Neutralise));
        foreach (var row in _rows)
        {
            AppendRecord(builder, row);
        }

        return builder.ToString();
    }

    /// <summary>
    /// One record, CRLF included, formatted and made safe exactly as <see cref="ToCsv"/> does: for writers that stream
    /// their rows instead of holding a table (the <c>replay</c> command).
    /// </summary>
    /// <param name="cells">The record's values, formatted as described on <see cref="CsvTable"/>.</param>
    /// <returns>The CSV text of the record.</returns>
    public static string Record(IEnumerable<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var builder = new StringBuilder();
        AppendRecord(builder, cells.Select(FormatCell));
        return builder.ToString();
    }

    /// <summary>
    /// Writes the table as UTF-8 bytes preceded by the EF BB BF byte order mark, which Excel needs to
    /// detect UTF-8 instead of the machine's ANSI code page (accents would otherwise be garbled).
    /// </summary>
    /// <returns>The encoded CSV file.</returns>
    public byte[] ToUtf8WithBom()
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        var preamble = encoding.GetPreamble();
        var csv = ToCsv();
        var bytes = new byte[preamble.Length + encoding.GetByteCount(csv)];
        preamble.CopyTo(bytes, 0);
        encoding.GetBytes(csv, 0, csv.Length, bytes, preamble.Length);
        return bytes;
    }

    private static void AppendRecord(StringBuilder builder, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            AppendField(builder, field);
        }

        builder.Append(RecordSeparator);
    }

    private static void AppendField(StringBuilder builder, string field)
    {
        // Leading/trailing spaces are quoted too: some readers (Excel among them) trim unquoted ones.
        var needsQuotes = field.Length > 0
            && (field.AsSpan().IndexOfAny(",;\"\r\n") >= 0 || field[0] == ' ' || field[^1] == ' ');
        if (!needsQuotes)
        {
            builder.Append(field);
            return;
        }

        builder.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static string FormatCell(object? value) => Neutralise(Format(value));

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        double number => number.ToString("0.####", CultureInfo.InvariantCulture),
        float number => number.ToString("0.####", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime moment => ToUtc(moment).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        TimeSpan duration => duration.TotalHours.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // Unspecified kinds are taken as UTC: report timestamps are stored in UTC.
    private static DateTime ToUtc(DateTime moment) =>
        moment.Kind == DateTimeKind.Local ? moment.ToUniversalTime() : moment;

    /// <summary>
    /// Neutralises a cell that a spreadsheet would evaluate as a formula by prefixing a single quote, as recommended
    /// by OWASP. Applied to every formatted cell, whatever its type, so no formatting path can skip it.
    /// </summary>
    private static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
