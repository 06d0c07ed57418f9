namespace JourneyContent.Web.Reports.Charts;

/// <summary>One bar (or funnel step) of an <see cref="SvgChart"/>.</summary>
/// <param name="Label">The label shown next to the bar; may come from user data and is always encoded.</param>
/// <param name="Value">The value the bar length is scaled from; negative and non-finite values draw as zero.</param>
/// <param name="StageKey">
/// The journey stage key, written as <c>data-stage</c> so the site's <c>/journey/stages.css</c> colours the bar;
/// <see langword="null"/> for a neutral bar.
/// </param>
/// <param name="ValueText">The text shown for the value (for example "42 %"); the invariant number when <see langword="null"/>.</param>
public sealed record ChartBar(string Label, double Value, string? StageKey = null, string? ValueText = null);
