using System.Globalization;
using System.Text;
using JourneyContent.Reports.Export;

namespace JourneyContent.Core.Tests.Reports;

public sealed class CsvTableTests
{
    private static CsvTable OneColumn(object? cell) => new CsvTable(["Value"]).AddRow(cell);

    private static string Cell(object? cell) => Rfc4180.Parse(OneColumn(cell).ToCsv())[1][0];

    [Fact]
    public void A_cell_with_a_comma_is_quoted()
    {
        Assert.Equal("Value\r\n\"Paris, France\"\r\n", OneColumn("Paris, France").ToCsv());
    }

    [Fact]
    public void A_cell_with_a_quote_is_quoted_and_the_quote_doubled()
    {
        Assert.Equal("Value\r\n\"say \"\"hi\"\"\"\r\n", OneColumn("say \"hi\"").ToCsv());
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("line one\r\nline two")]
    public void A_cell_with_a_newline_is_quoted_and_round_trips(string text)
    {
        var csv = OneColumn(text).ToCsv();

        Assert.Contains("\"" + text + "\"", csv, StringComparison.Ordinal);
        Assert.Equal(text, Rfc4180.Parse(csv)[1][0]);
    }

    [Fact]
    public void A_cell_with_leading_or_trailing_spaces_is_quoted()
    {
        Assert.Equal("Value\r\n\" padded \"\r\n", OneColumn(" padded ").ToCsv());
    }

    [Fact]
    public void Every_record_ends_with_crlf_including_the_last()
    {
        var csv = new CsvTable(["A", "B"]).AddRow(1, 2).AddRow(3, 4).ToCsv();

        Assert.Equal("A,B\r\n1,2\r\n3,4\r\n", csv);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_export_starts_with_the_byte_order_mark()
    {
        var bytes = OneColumn("x").ToUtf8WithBom();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("Value\r\nx\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void The_content_type_declares_utf8_csv()
    {
        Assert.Equal("text/csv; charset=utf-8", CsvTable.ContentType);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void A_text_cell_starting_with_a_formula_character_is_made_safe(string text)
    {
        Assert.Equal("'" + text, Cell(text));
    }

    [Fact]
    public void A_cell_starting_with_equals_is_made_safe_inside_quotes()
    {
        Assert.Equal("Value\r\n\"'=1+1,2\"\r\n", OneColumn("=1+1,2").ToCsv());
        Assert.Equal("Value\r\n'=1+1\r\n", OneColumn("=1+1").ToCsv());
    }

    [Fact]
    public void A_formula_in_a_header_is_made_safe()
    {
        Assert.StartsWith("'=cmd\r\n", new CsvTable(["=cmd"]).ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_formula_character_after_the_first_position_is_left_alone()
    {
        Assert.Equal("a=b", Cell("a=b"));
    }

    [Theory]
    [InlineData(-5, "'-5")]
    [InlineData(-5L, "'-5")]
    [InlineData(-1.5, "'-1.5")]
    public void A_negative_number_is_neutralised_like_every_other_cell(object number, string expected)
    {
        Assert.Equal(expected, Cell(number));
    }

    [Fact]
    public void A_negative_decimal_is_neutralised_like_every_other_cell()
    {
        Assert.Equal("'-12.5", Cell(-12.5m));
    }

    [Fact]
    public void A_value_whose_text_starts_with_a_formula_character_is_neutralised_whatever_its_type()
    {
        Assert.Equal("'=1+1", Cell(new Formula()));
    }

    [Theory]
    [InlineData("Dupont; Durand", "\"Dupont; Durand\"")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("plain", "plain")]
    public void A_cell_with_a_semicolon_is_quoted_so_semicolon_readers_keep_the_columns(string text, string expected)
    {
        Assert.Equal("Value\r\n" + expected + "\r\n", OneColumn(text).ToCsv());
    }

    [Fact]
    public void A_streamed_record_is_formatted_and_neutralised_as_a_table_row()
    {
        object?[] cells = ["=cmd", "a;b", 1.5, null];
        var table = new CsvTable(["a", "b", "c", "d"]).AddRow(cells);

        Assert.Equal(table.ToCsv()[(table.ToCsv().IndexOf('\n', StringComparison.Ordinal) + 1)..], CsvTable.Record(cells));
    }

    [Fact]
    public void French_accented_text_round_trips_in_utf8()
    {
        const string text = "Événement à Besançon : « déjà vu », œuvre";
        var bytes = OneColumn(text).ToUtf8WithBom();

        var decoded = new UTF8Encoding(true).GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal(text, Rfc4180.Parse(decoded)[1][0]);
    }

    [Fact]
    public void Numbers_and_dates_are_invariant_under_a_french_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");

            var csv = new CsvTable(["double", "decimal", "long", "big", "date"])
                .AddRow(1234.56789, 3.5m, 1234567L, 1234567.0, new DateOnly(2025, 3, 9))
                .ToCsv();

            Assert.Equal("double,decimal,long,big,date\r\n1234.5679,3.5,1234567,1234567,2025-03-09\r\n", csv);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    [Fact]
    public void Cells_are_formatted_by_type()
    {
        var row = Rfc4180.Parse(new CsvTable(["null", "int", "bool", "offset", "day", "duration"])
            .AddRow(null, 42, true, new DateTimeOffset(2025, 3, 9, 14, 5, 6, TimeSpan.FromHours(2)), new DateOnly(2025, 1, 2), TimeSpan.FromMinutes(90))
            .ToCsv())[1];

        Assert.Equal(["", "42", "true", "2025-03-09T12:05:06Z", "2025-01-02", "1.5"], row);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_throws()
    {
        var table = new CsvTable(["A", "B"]);

        Assert.Throws<ArgumentException>(() => table.AddRow(1));
        Assert.Throws<ArgumentException>(() => table.AddRow(1, 2, 3));
        Assert.Throws<ArgumentException>(() => table.AddRow(new List<object?> { 1 }));
    }

    [Fact]
    public void Rows_added_from_an_enumerable_match_params_rows()
    {
        var fromParams = new CsvTable(["A", "B"]).AddRow("x", 1).ToCsv();
        var fromEnumerable = new CsvTable(["A", "B"]).AddRow(new List<object?> { "x", 1 }).ToCsv();

        Assert.Equal(fromParams, fromEnumerable);
    }

    [Fact]
    public void A_tricky_table_round_trips_through_an_rfc4180_reader()
    {
        string[] headers = ["Title", "Stage", "Note"];
        string[][] rows =
        [
            ["Guide, \"complet\"", "awareness", "multi\r\nline"],
            [" espace ", "", "naïve café"],
            ["", "décision", "a\"b\"c"],
        ];
        var table = new CsvTable(headers);
        foreach (var row in rows)
        {
            table.AddRow(row);
        }

        var parsed = Rfc4180.Parse(table.ToCsv());

        Assert.Equal(rows.Length + 1, parsed.Count);
        Assert.Equal(headers, parsed[0]);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i], parsed[i + 1]);
        }
    }

    /// <summary>A value of no type the writer knows, whose text is a formula.</summary>
    private sealed class Formula
    {
        public override string ToString() => "=1+1";
    }

    /// <summary>A minimal, strict RFC 4180 reader so the tests check the output as a consumer would read it.</summary>
    private static class Rfc4180
    {
        public static List<string[]> Parse(string csv)
        {
            var records = new List<string[]>();
            var fields = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (i < csv.Length)
            {
                if (csv[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= csv.Length)
                        {
                            throw new FormatException("Unterminated quoted field.");
                        }

                        if (csv[i] == '"')
                        {
                            if (i + 1 < csv.Length && csv[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        field.Append(csv[i++]);
                    }
                }
                else
                {
                    while (i < csv.Length && csv[i] is not (',' or '\r'))
                    {
                        if (csv[i] is '"' or '\n')
                        {
                            throw new FormatException($"Unexpected character at {i} in an unquoted field.");
                        }

                        field.Append(csv[i++]);
                    }
                }

                fields.Add(field.ToString());
                field.Clear();
                if (i >= csv.Length)
                {
                    throw new FormatException("The last record must end with CRLF.");
                }

                if (csv[i] == ',')
                {
                    i++;
                    continue;
                }

                if (csv[i] != '\r' || i + 1 >= csv.Length || csv[i + 1] != '\n')
                {
                    throw new FormatException($"Expected CRLF at {i}.");
                }

                i += 2;
                records.Add([.. fields]);
                fields.Clear();
            }

            return records;
        }
    }
}
