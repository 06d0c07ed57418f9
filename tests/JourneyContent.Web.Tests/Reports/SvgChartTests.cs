using System.Globalization;
using System.Text.Encodings.Web;
using System.Xml.Linq;
using JourneyContent.Web.Reports.Charts;
using Microsoft.AspNetCore.Html;

namespace JourneyContent.Web.Tests.Reports;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static XElement Parse(IHtmlContent content) => XDocument.Parse(Render(content)).Root!;

    private static List<XElement> Bars(XElement root) =>
        root.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "chart-bar").ToList();

    private static double Width(XElement rect) => double.Parse((string)rect.Attribute("width")!, CultureInfo.InvariantCulture);

    public static TheoryData<string> AllChartKinds => ["bars", "funnel", "columns"];

    private static IHtmlContent Chart(string kind, string id, IReadOnlyList<ChartBar> bars, string? description = null) => kind switch
    {
        "bars" => SvgChart.HorizontalBars(id, "Title", bars, description),
        "funnel" => SvgChart.Funnel(id, "Title", bars, description),
        _ => SvgChart.StackedColumns(
            id,
            "Title",
            bars.Select(b => b.Label).ToList(),
            [("awareness", "Awareness", bars.Select(b => b.Value).ToList()), ("decision", "Decision", bars.Select(b => b.Value / 2).ToList())],
            description),
    };

    [Theory]
    [MemberData(nameof(AllChartKinds))]
    public void Every_chart_is_an_accessible_image_labelled_by_its_title_and_desc(string kind)
    {
        var root = Parse(Chart(kind, "leads", [new("Guides", 3, "awareness")]));

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("chart", (string?)root.Attribute("class"));
        Assert.Equal("100%", (string?)root.Attribute("width"));
        Assert.StartsWith("0 0 640 ", (string?)root.Attribute("viewBox"), StringComparison.Ordinal);
        var ids = ((string)root.Attribute("aria-labelledby")!).Split(' ');
        Assert.Equal(["leads-title", "leads-desc"], ids);
        Assert.Equal("Title", (string?)root.Elements(Svg + "title").Single(e => (string?)e.Attribute("id") == ids[0]));
        Assert.NotEmpty((string)root.Elements(Svg + "desc").Single(e => (string?)e.Attribute("id") == ids[1]));
    }

    [Fact]
    public void A_given_description_is_used_as_desc()
    {
        var root = Parse(SvgChart.HorizontalBars("c", "Title", [new("A", 1)], "Leads per stage in March"));

        Assert.Equal("Leads per stage in March", (string?)root.Element(Svg + "desc"));
    }

    [Fact]
    public void Without_a_description_the_desc_summarises_the_data()
    {
        var root = Parse(SvgChart.HorizontalBars("c", "Leads", [new("Guides", 12), new("Webinars", 3, ValueText: "3 leads")]));

        Assert.Equal("Leads: Guides 12, Webinars 3 leads.", (string?)root.Element(Svg + "desc"));
    }

    [Fact]
    public void Horizontal_bars_draw_one_rect_per_bar_with_widths_proportional_to_values()
    {
        var bars = Bars(Parse(SvgChart.HorizontalBars("c", "T", [new("Half", 50), new("Full", 100), new("None", 0)])));

        Assert.Equal(3, bars.Count);
        Assert.Equal(0.5, Width(bars[0]) / Width(bars[1]), 3);
        Assert.Equal(0, Width(bars[2]));
    }

    [Fact]
    public void Horizontal_bars_grow_28_pixels_per_row()
    {
        var one = (string?)Parse(SvgChart.HorizontalBars("c", "T", [new("A", 1)])).Attribute("viewBox");
        var three = (string?)Parse(SvgChart.HorizontalBars("c", "T", [new("A", 1), new("B", 2), new("C", 3)])).Attribute("viewBox");

        var height = (string? viewBox) => double.Parse(viewBox!.Split(' ')[3], CultureInfo.InvariantCulture);
        Assert.Equal(56, height(three) - height(one));
    }

    [Fact]
    public void Horizontal_bars_show_the_value_text_or_the_value()
    {
        var texts = Parse(SvgChart.HorizontalBars("c", "T", [new("A", 12.5), new("B", 3, ValueText: "3 %")]))
            .Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("12.5", texts);
        Assert.Contains("3 %", texts);
    }

    [Fact]
    public void Funnel_bars_are_centred_and_narrow_with_the_value()
    {
        var bars = Bars(Parse(SvgChart.Funnel("f", "Funnel", [new("Visits", 100, "awareness"), new("Leads", 50, "consideration", "50 leads")])));

        Assert.Equal(2, bars.Count);
        Assert.Equal(0.5, Width(bars[1]) / Width(bars[0]), 3);
        foreach (var bar in bars)
        {
            var x = double.Parse((string)bar.Attribute("x")!, CultureInfo.InvariantCulture);
            Assert.Equal(320, x + (Width(bar) / 2), 1);
        }
    }

    [Fact]
    public void Funnel_steps_are_labelled_with_label_and_value_text()
    {
        var texts = Parse(SvgChart.Funnel("f", "Funnel", [new("Visits", 100), new("Leads", 50, ValueText: "50 leads")]))
            .Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains(texts, t => t.Contains("Visits", StringComparison.Ordinal) && t.Contains("100", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Leads", StringComparison.Ordinal) && t.Contains("50 leads", StringComparison.Ordinal));
    }

    [Fact]
    public void Stacked_columns_stack_one_segment_per_series_and_show_a_legend()
    {
        var root = Parse(SvgChart.StackedColumns(
            "w",
            "Weekly leads",
            ["W1", "W2"],
            [("awareness", "Awareness", [10, 20]), ("decision", "Decision", [10, 0])]));

        var segments = Bars(root);
        Assert.Equal(4, segments.Count);
        var heights = segments.Select(s => double.Parse((string)s.Attribute("height")!, CultureInfo.InvariantCulture)).ToList();

        // Both columns total 20: they reach the same height.
        Assert.Equal(heights[0] + heights[1], heights[2] + heights[3], 3);
        Assert.Equal(heights[0], heights[1], 3);
        var swatches = root.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "chart-swatch").ToList();
        Assert.Equal(["awareness", "decision"], swatches.Select(s => (string?)s.Attribute("data-stage")));
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Awareness", texts);
        Assert.Contains("W2", texts);
    }

    [Fact]
    public void Stacked_columns_reject_a_series_without_one_value_per_category()
    {
        Assert.Throws<ArgumentException>(() =>
            SvgChart.StackedColumns("w", "T", ["W1", "W2"], [("awareness", "Awareness", [1])]));
    }

    [Theory]
    [MemberData(nameof(AllChartKinds))]
    public void Zero_values_render_valid_svg_without_bars(string kind)
    {
        var root = Parse(Chart(kind, "z", [new("A", 0), new("B", 0)]));

        Assert.Empty(Bars(root));
        Assert.Equal("img", (string?)root.Attribute("role"));
    }

    [Theory]
    [MemberData(nameof(AllChartKinds))]
    public void Empty_lists_render_valid_svg(string kind)
    {
        var root = Parse(Chart(kind, "e", []));

        Assert.Empty(Bars(root));
        Assert.NotNull(root.Element(Svg + "title"));
    }

    [Fact]
    public void Empty_stacked_columns_with_no_series_render_valid_svg()
    {
        var root = Parse(SvgChart.StackedColumns("e", "T", [], []));

        Assert.Empty(Bars(root));
    }

    [Theory]
    [MemberData(nameof(AllChartKinds))]
    public void A_script_tag_in_a_label_or_title_is_escaped(string kind)
    {
        const string evil = "<script>alert('x')</script>";
        var html = Render(kind switch
        {
            "bars" => SvgChart.HorizontalBars("x", evil, [new(evil, 1, evil, evil)], evil),
            "funnel" => SvgChart.Funnel("x", evil, [new(evil, 1, evil, evil)]),
            _ => SvgChart.StackedColumns("x", evil, [evil], [(evil, evil, [1])]),
        });

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var root = XDocument.Parse(html).Root!;
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName == "script");
        Assert.Contains(root.Descendants(Svg + "title"), t => t.Value.Contains(evil, StringComparison.Ordinal));
    }

    [Fact]
    public void Bars_with_a_stage_key_carry_data_stage_and_the_stage_colour_variable()
    {
        var bars = Bars(Parse(SvgChart.HorizontalBars("s", "T", [new("A", 1, "awareness"), new("B", 2)])));

        Assert.Equal("awareness", (string?)bars[0].Attribute("data-stage"));
        Assert.Equal("var(--stage-color, #2563eb)", (string?)bars[0].Attribute("fill"));
        Assert.Null(bars[1].Attribute("data-stage"));
        Assert.DoesNotContain("var(", (string?)bars[1].Attribute("fill"), StringComparison.Ordinal);
    }

    [Fact]
    public void Funnel_and_column_series_carry_data_stage()
    {
        Assert.All(Bars(Parse(SvgChart.Funnel("f", "T", [new("A", 2, "awareness"), new("B", 1, "decision")]))),
            bar => Assert.NotNull(bar.Attribute("data-stage")));
        Assert.All(Bars(Parse(SvgChart.StackedColumns("c", "T", ["W1"], [("awareness", "Awareness", [1]), ("decision", "Decision", [2])]))),
            bar => Assert.NotNull(bar.Attribute("data-stage")));
    }

    [Theory]
    [MemberData(nameof(AllChartKinds))]
    public void No_chart_uses_style_script_event_handlers_or_external_references(string kind)
    {
        var html = Render(Chart(kind, "n", [new("A", 1.5, "awareness"), new("B", 3)]));
        var root = XDocument.Parse(html).Root!;

        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        var attributes = root.DescendantsAndSelf().SelectMany(e => e.Attributes()).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a => a.Name.LocalName == "href");
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName is "script" or "style" or "image" or "use" or "foreignObject");
    }

    [Theory]
    [MemberData(nameof(AllChartKinds))]
    public void Numbers_use_a_dot_under_a_french_culture(string kind)
    {
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");

            var root = Parse(Chart(kind, "fr", [new("A", 1), new("B", 3), new("C", 7)]));

            var numeric = new[] { "x", "y", "width", "height", "x1", "y1", "x2", "y2" };
            var values = root.Descendants().SelectMany(e => e.Attributes()).Where(a => numeric.Contains(a.Name.LocalName)).ToList();
            Assert.NotEmpty(values);
            Assert.All(values, a =>
            {
                Assert.DoesNotContain(",", a.Value, StringComparison.Ordinal);
                Assert.True(double.TryParse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), a.ToString());
            });
            Assert.Contains(values, a => a.Value.Contains('.', StringComparison.Ordinal));
            Assert.DoesNotContain(",", (string)root.Attribute("viewBox")!, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    [Fact]
    public void An_id_with_whitespace_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => SvgChart.HorizontalBars("two words", "T", []));
    }

    [Fact]
    public void A_long_label_is_shortened_but_kept_in_full_as_a_tooltip()
    {
        var label = new string('a', 80);
        var root = Parse(SvgChart.HorizontalBars("l", "T", [new(label, 1)]));

        var text = root.Descendants(Svg + "text").First();
        Assert.Equal(label, (string?)text.Element(Svg + "title"));
        Assert.EndsWith("\u2026", text.Nodes().OfType<XText>().Single().Value, StringComparison.Ordinal);
    }
}
