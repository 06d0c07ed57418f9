using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace JourneyContent.Web.Reports.Charts;

/// <summary>
/// Server-side SVG charts for the marketer reports: no JavaScript, no CDN and no external reference,
/// so they print and work under the site's strict CSP. Presentation goes through SVG presentation
/// attributes (<c>fill</c>, <c>font-size</c>) because <c>style</c> attributes are blocked by the CSP.
/// Every chart is an accessible image (<c>role="img"</c>, labelled by its <c>title</c> and <c>desc</c>).
/// </summary>
public static class SvgChart
{
    private const double ViewWidth = 640;
    private const double RowHeight = 28;
    private const double BarHeight = 18;
    private const double Padding = 8;
    private const double LabelWidth = 160;
    private const double BarStart = LabelWidth + 10;

    // Room left after the longest bar for its value text.
    private const double BarAreaWidth = ViewWidth - BarStart - 70;
    private const int MaxLabelLength = 26;

    // The width of one character at the charts' 12 px font, near enough to keep labels apart.
    private const double CharWidth = 6.6;
    private const string NeutralFill = "#64748b";
    private const string StageFallback = "#2563eb";
    private const string TextFill = "currentColor";

    // Fallbacks per series when stages.css is not loaded, so stacked series stay distinguishable.
    private static readonly string[] Palette = ["#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2"];

    /// <summary>Draws one horizontal bar per row, label on the left and value at the bar's end, scaled to the largest value.</summary>
    /// <param name="id">A unique element id prefix (no whitespace) used for the title and description ids.</param>
    /// <param name="title">The chart title, read by assistive technologies.</param>
    /// <param name="bars">The bars, drawn top to bottom.</param>
    /// <param name="description">The long description; a summary of the data when <see langword="null"/>.</param>
    /// <returns>The SVG markup.</returns>
    public static IHtmlContent HorizontalBars(string id, string title, IReadOnlyList<ChartBar> bars, string? description = null)
    {
        ValidateId(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(bars);

        var height = (Math.Max(bars.Count, 1) * RowHeight) + (2 * Padding);
        var max = bars.Count == 0 ? 0 : bars.Max(bar => Sanitize(bar.Value));
        var svg = Open(id, title, description ?? Summarize(title, bars), height);

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = Padding + (i * RowHeight);
            var middle = top + (RowHeight / 2);
            svg.Append("<g class=\"chart-row\">");
            AppendText(svg, LabelWidth, middle, "end", Shorten(bar.Label), bar.Label);

            // A zero maximum has nothing to scale against: labels only, no bars.
            var width = 0.0;
            if (max > 0)
            {
                width = Sanitize(bar.Value) / max * BarAreaWidth;
                svg.Append("<rect class=\"chart-bar\"");
                AppendStage(svg, bar.StageKey, StageFallback);
                svg.Append(" x=\"").Append(Num(BarStart))
                    .Append("\" y=\"").Append(Num(middle - (BarHeight / 2)))
                    .Append("\" width=\"").Append(Num(width))
                    .Append("\" height=\"").Append(Num(BarHeight)).Append("\"/>");
            }

            AppendText(svg, BarStart + width + 6, middle, "start", ValueText(bar), null);
            svg.Append("</g>");
        }

        return Close(svg);
    }

    /// <summary>Draws a funnel: centred bars whose width follows the value, each labelled with its label and value.</summary>
    /// <param name="id">A unique element id prefix (no whitespace) used for the title and description ids.</param>
    /// <param name="title">The chart title, read by assistive technologies.</param>
    /// <param name="stages">The funnel steps, drawn top to bottom.</param>
    /// <param name="description">The long description; a summary of the data when <see langword="null"/>.</param>
    /// <returns>The SVG markup.</returns>
    public static IHtmlContent Funnel(string id, string title, IReadOnlyList<ChartBar> stages, string? description = null)
    {
        ValidateId(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(stages);

        // Each step is a caption line above its bar so the text never sits on an unknown stage colour.
        const double stepHeight = 44;
        const double stepBar = 20;
        const double maxWidth = ViewWidth - (2 * Padding);
        var height = (Math.Max(stages.Count, 1) * stepHeight) + (2 * Padding);
        var max = stages.Count == 0 ? 0 : stages.Max(stage => Sanitize(stage.Value));
        var svg = Open(id, title, description ?? Summarize(title, stages), height);

        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var top = Padding + (i * stepHeight);
            svg.Append("<g class=\"chart-step\">");
            AppendText(svg, ViewWidth / 2, top + 9, "middle", Shorten(stage.Label, 60) + " \u2014 " + ValueText(stage), stage.Label);
            if (max > 0)
            {
                var width = Sanitize(stage.Value) / max * maxWidth;
                svg.Append("<rect class=\"chart-bar\"");
                AppendStage(svg, stage.StageKey, StageFallback);
                svg.Append(" x=\"").Append(Num((ViewWidth - width) / 2))
                    .Append("\" y=\"").Append(Num(top + 18))
                    .Append("\" width=\"").Append(Num(width))
                    .Append("\" height=\"").Append(Num(stepBar)).Append("\"/>");
            }

            svg.Append("</g>");
        }

        return Close(svg);
    }

    /// <summary>Draws one column per category, stacked by series (typically journey stages), with a legend.</summary>
    /// <param name="id">A unique element id prefix (no whitespace) used for the title and description ids.</param>
    /// <param name="title">The chart title, read by assistive technologies.</param>
    /// <param name="categories">The column labels, left to right (for example weeks).</param>
    /// <param name="series">The stacked series, bottom to top; each has one value per category and its key becomes <c>data-stage</c>.</param>
    /// <param name="description">The long description; a summary of the data when <see langword="null"/>.</param>
    /// <returns>The SVG markup.</returns>
    /// <exception cref="ArgumentException">When a series does not have one value per category.</exception>
    public static IHtmlContent StackedColumns(
        string id,
        string title,
        IReadOnlyList<string> categories,
        IReadOnlyList<(string SeriesKey, string SeriesLabel, IReadOnlyList<double> Values)> series,
        string? description = null)
    {
        ValidateId(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        foreach (var (key, _, values) in series)
        {
            if (values is null || values.Count != categories.Count)
            {
                throw new ArgumentException(
                    $"Series '{key}' must have one value per category ({categories.Count}).", nameof(series));
            }
        }

        const double plotTop = Padding;
        const double plotHeight = 220;
        const double plotLeft = 40;
        const double plotWidth = ViewWidth - plotLeft - Padding;
        const double legendRow = 20;
        var axisY = plotTop + plotHeight;
        var legendTop = axisY + 28;
        var height = legendTop + (Math.Max(series.Count, 1) * legendRow) + Padding;

        var totals = new double[categories.Count];
        for (var c = 0; c < categories.Count; c++)
        {
            totals[c] = series.Sum(s => Sanitize(s.Values[c]));
        }

        var max = totals.Length == 0 ? 0 : totals.Max();
        var svg = Open(id, title, description ?? SummarizeColumns(title, categories, series, totals), height);

        // Axis: "nice" ticks (1, 2 or 5 times a power of ten) with light grid lines, the top tick at or above the tallest column.
        var (tickStep, top) = Ticks(max);
        svg.Append("<g class=\"chart-ticks\">");
        for (var tick = 0.0; tick <= top + (tickStep / 2); tick += tickStep)
        {
            var y = axisY - (top > 0 ? tick / top * plotHeight : 0);
            if (tick > 0)
            {
                svg.Append("<line class=\"chart-grid\" x1=\"").Append(Num(plotLeft)).Append("\" y1=\"").Append(Num(y))
                    .Append("\" x2=\"").Append(Num(plotLeft + plotWidth)).Append("\" y2=\"").Append(Num(y))
                    .Append("\" stroke=\"#cbd5e1\" stroke-width=\"1\"/>");
            }

            AppendText(svg, plotLeft - 4, y, "end", Num(tick), null);
            if (top <= 0)
            {
                break;
            }
        }

        svg.Append("</g>");
        svg.Append("<line class=\"chart-axis\" x1=\"").Append(Num(plotLeft)).Append("\" y1=\"").Append(Num(axisY))
            .Append("\" x2=\"").Append(Num(plotLeft + plotWidth)).Append("\" y2=\"").Append(Num(axisY))
            .Append("\" stroke=\"").Append(TextFill).Append("\" stroke-width=\"1\"/>");

        var slot = categories.Count == 0 ? 0 : plotWidth / categories.Count;
        var columnWidth = slot * 0.6;

        // Labels never overlap: with many columns only every n-th is written (each column keeps its full label as a tooltip).
        var widest = categories.Count == 0 ? 0 : categories.Max(c => Math.Min(c.Length, 14)) * CharWidth;
        var every = slot <= 0 ? 1 : Math.Max(1, (int)Math.Ceiling((widest + 8) / slot));
        for (var c = 0; c < categories.Count; c++)
        {
            var x = plotLeft + (c * slot) + ((slot - columnWidth) / 2);
            var y = axisY;
            svg.Append("<g class=\"chart-column\">");
            for (var s = 0; s < series.Count && top > 0; s++)
            {
                var segment = Sanitize(series[s].Values[c]) / top * plotHeight;
                y -= segment;
                svg.Append("<rect class=\"chart-bar\"");
                AppendStage(svg, series[s].SeriesKey, Palette[s % Palette.Length]);
                svg.Append(" x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y))
                    .Append("\" width=\"").Append(Num(columnWidth)).Append("\" height=\"").Append(Num(segment)).Append('"');
                svg.Append("><title>").Append(Encode(series[s].SeriesLabel + ", " + categories[c] + ": " + Num(Sanitize(series[s].Values[c]))))
                    .Append("</title></rect>");
            }

            if (c % every == 0)
            {
                AppendText(svg, x + (columnWidth / 2), axisY + 14, "middle", Shorten(categories[c], 14), categories[c]);
            }

            svg.Append("</g>");
        }

        svg.Append("<g class=\"chart-legend\">");
        for (var s = 0; s < series.Count; s++)
        {
            var row = legendTop + (s * legendRow);
            svg.Append("<rect class=\"chart-swatch\"");
            AppendStage(svg, series[s].SeriesKey, Palette[s % Palette.Length]);
            svg.Append(" x=\"").Append(Num(plotLeft)).Append("\" y=\"").Append(Num(row))
                .Append("\" width=\"12\" height=\"12\"/>");
            AppendText(svg, plotLeft + 18, row + 6, "start", series[s].SeriesLabel, null);
        }

        svg.Append("</g>");
        return Close(svg);
    }

    /// <summary>A tick step of 1, 2 or 5 times a power of ten giving at most five ticks above zero, and the top tick.</summary>
    internal static (double Step, double Top) Ticks(double max)
    {
        if (!(max > 0))
        {
            return (1, 0);
        }

        var rough = max / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(candidate => candidate >= rough);

        // Counts are whole: no tick at 0.5.
        step = Math.Max(1, step);
        return (step, Math.Ceiling(max / step) * step);
    }

    private static StringBuilder Open(string id, string title, string description, double height)
    {
        var svg = new StringBuilder(1024);
        var encodedId = Encode(id);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
            .Append(encodedId).Append("-title ").Append(encodedId).Append("-desc\" viewBox=\"0 0 ")
            .Append(Num(ViewWidth)).Append(' ').Append(Num(height))
            .Append("\" width=\"100%\" class=\"chart\" font-size=\"12\" fill=\"").Append(TextFill).Append("\">");
        svg.Append("<title id=\"").Append(encodedId).Append("-title\">").Append(Encode(title)).Append("</title>");
        svg.Append("<desc id=\"").Append(encodedId).Append("-desc\">").Append(Encode(description)).Append("</desc>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void AppendStage(StringBuilder svg, string? stageKey, string fallback)
    {
        if (string.IsNullOrEmpty(stageKey))
        {
            svg.Append(" fill=\"").Append(NeutralFill).Append('"');
            return;
        }

        // stages.css sets --stage-color on [data-stage=key]; the fallback keeps charts coloured without it.
        svg.Append(" data-stage=\"").Append(Encode(stageKey))
            .Append("\" fill=\"var(--stage-color, ").Append(fallback).Append(")\"");
    }

    private static void AppendText(StringBuilder svg, double x, double y, string anchor, string text, string? fullText)
    {
        svg.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y))
            .Append("\" text-anchor=\"").Append(anchor).Append("\" dominant-baseline=\"middle\">");

        // A shortened label keeps its full text as a tooltip.
        if (fullText is not null && !string.Equals(fullText, text, StringComparison.Ordinal))
        {
            svg.Append("<title>").Append(Encode(fullText)).Append("</title>");
        }

        svg.Append(Encode(text)).Append("</text>");
    }

    private static void ValidateId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);

        // aria-labelledby is a space-separated id list: an id with whitespace would break the reference.
        if (id.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("A chart id cannot contain whitespace.", nameof(id));
        }
    }

    private static string Summarize(string title, IReadOnlyList<ChartBar> bars) =>
        bars.Count == 0
            ? title + ": no data."
            : title + ": " + string.Join(", ", bars.Select(bar => bar.Label + " " + ValueText(bar))) + ".";

    private static string SummarizeColumns(
        string title,
        IReadOnlyList<string> categories,
        IReadOnlyList<(string SeriesKey, string SeriesLabel, IReadOnlyList<double> Values)> series,
        double[] totals)
    {
        if (categories.Count == 0 || series.Count == 0)
        {
            return title + ": no data.";
        }

        var parts = categories.Select((category, c) =>
            category + ": " + Num(totals[c]) + " ("
            + string.Join(", ", series.Select(s => s.SeriesLabel + " " + Num(Sanitize(s.Values[c])))) + ")");
        return title + ": " + string.Join("; ", parts) + ".";
    }

    private static string ValueText(ChartBar bar) => bar.ValueText ?? Num(Sanitize(bar.Value));

    private static string Shorten(string label, int maxLength = MaxLabelLength)
    {
        label ??= string.Empty;
        if (label.Length <= maxLength)
        {
            return label;
        }

        // Never cut between the two halves of a surrogate pair (emoji in content titles).
        var cut = maxLength - 1;
        if (char.IsHighSurrogate(label[cut - 1]))
        {
            cut--;
        }

        return string.Concat(label.AsSpan(0, cut), "\u2026");
    }

    private static double Sanitize(double value) => double.IsFinite(value) && value > 0 ? value : 0;

    // Attributes need '.' decimals whatever the request culture: fr-FR would write "12,5" and break the SVG.
    private static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);
}
