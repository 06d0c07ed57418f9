using System.Diagnostics;
using System.Text.Json;

namespace JourneyContent.Testing;

/// <summary>
/// Reads a CSV export with Python's standard <c>csv</c> module (<c>/usr/bin/python3</c>, no third-party package), the way
/// a consumer other than our own code would, and reports what it saw under both list separators.
/// </summary>
/// <remarks>
/// Under <c>delimiter=','</c> every record must have the declared number of columns; under <c>delimiter=';'</c> (a
/// French-locale spreadsheet) every record must stay one field, so no unquoted semicolon splits a record; the sniffer,
/// offered both separators, must choose the comma. The report also lists every cell that starts with a formula starter.
/// </remarks>
public static class PythonCsvReader
{
    private const string Script = """
        import csv, io, json, sys
        text = open(sys.argv[1], encoding='utf-8-sig', newline='').read()
        def read(delimiter):
            # A comma file read with ';' meets quotes mid-field by design: only the comma reading is strict.
            return list(csv.reader(io.StringIO(text, newline=''), delimiter=delimiter, strict=delimiter == ','))
        comma = read(',')
        semicolon = read(';')
        sniffed = csv.Sniffer().sniff(text[:65536], delimiters=',;').delimiter
        starters = ('=', '+', '-', '@', '\t', '\r')
        print(json.dumps({
            'commaWidths': sorted(set(len(r) for r in comma)),
            'semicolonWidths': sorted(set(len(r) for r in semicolon)),
            'records': len(comma),
            'sniffed': sniffed,
            'formulaCells': [c for r in comma for c in r if c.startswith(starters)],
            'header': comma[0] if comma else [],
            'rows': comma[1:],
        }))
        """;

    /// <summary>Reads the file at <paramref name="path"/>; fails when Python cannot parse it.</summary>
    public static async Task<PythonCsvReport> ReadAsync(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Python's csv module could not read {path}: {await errors}");
        }

        using var json = JsonDocument.Parse(await output);
        var root = json.RootElement;
        static List<string> Texts(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
        return new PythonCsvReport(
            [.. root.GetProperty("commaWidths").EnumerateArray().Select(e => e.GetInt32())],
            [.. root.GetProperty("semicolonWidths").EnumerateArray().Select(e => e.GetInt32())],
            root.GetProperty("records").GetInt32(),
            root.GetProperty("sniffed").GetString() ?? string.Empty,
            Texts(root.GetProperty("formulaCells")),
            Texts(root.GetProperty("header")),
            [.. root.GetProperty("rows").EnumerateArray().Select(Texts)]);
    }

    /// <summary>Writes <paramref name="bytes"/> to a temporary file and reads it.</summary>
    public static async Task<PythonCsvReport> ReadAsync(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "jc-csv-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            return await ReadAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>What Python's <c>csv</c> module read from an export.</summary>
/// <param name="CommaWidths">The distinct record widths under <c>delimiter=','</c>.</param>
/// <param name="SemicolonWidths">The distinct record widths under <c>delimiter=';'</c>.</param>
/// <param name="Records">Records, the header included.</param>
/// <param name="Sniffed">The separator <c>csv.Sniffer</c> chose between comma and semicolon.</param>
/// <param name="FormulaCells">Cells starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, TAB or CR.</param>
/// <param name="Header">The first record.</param>
/// <param name="Rows">The other records.</param>
public sealed record PythonCsvReport(
    IReadOnlyList<int> CommaWidths, IReadOnlyList<int> SemicolonWidths, int Records, string Sniffed,
    IReadOnlyList<string> FormulaCells, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>
    /// What makes the export unsafe or ambiguous for a file of <paramref name="columns"/> columns: empty when every record
    /// has that width under a comma, stays whole under a semicolon, the sniffer picks the comma and no cell is a formula.
    /// </summary>
    public IReadOnlyList<string> Problems(int columns)
    {
        var problems = new List<string>();
        if (CommaWidths.Count != 1 || CommaWidths[0] != columns)
        {
            problems.Add($"Under ',' the records are {string.Join("/", CommaWidths)} columns wide, not {columns}.");
        }

        if (SemicolonWidths.Count != 1 || SemicolonWidths[0] != 1)
        {
            problems.Add($"Under ';' the records split into {string.Join("/", SemicolonWidths)} fields, not 1.");
        }

        if (Sniffed != ",")
        {
            problems.Add($"The sniffer chose '{Sniffed}'.");
        }

        problems.AddRange(FormulaCells.Select(c => $"The cell '{c}' starts with a formula starter."));
        return problems;
    }
}
