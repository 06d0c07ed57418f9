namespace JourneyContent.Markdown;

/// <summary>Markdown turned into sanitised HTML, and the same text without markup.</summary>
/// <param name="Html">HTML safe to write to a page as is.</param>
/// <param name="PlainText">The text, whitespace collapsed, for search and classification.</param>
public sealed record RenderedMarkdown(string Html, string PlainText);
