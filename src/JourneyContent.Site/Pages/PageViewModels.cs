using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Site.Pages;

/// <summary>A language's home page.</summary>
public sealed record HomeViewModel(string Language, IReadOnlyList<StageSection> Stages, IReadOnlyList<ContentItem> Latest, IReadOnlyList<TopicCount> Topics);

/// <summary>The items of one stage shown on the home page.</summary>
public sealed record StageSection(Stage Stage, IReadOnlyList<ContentItem> Items, int Total);

/// <summary>A topic and how many items of the language carry it.</summary>
public sealed record TopicCount(string Topic, int Count);

/// <summary>A content page.</summary>
public sealed record ContentViewModel(ContentItem Item, Stage? Stage, ContentKind? Kind, IReadOnlyList<Stage> SecondaryStages);

/// <summary>A topic listing.</summary>
public sealed record TopicViewModel(string Language, string Topic, IReadOnlyList<ContentItem> Items);

/// <summary>The 404 page, with a few useful links.</summary>
public sealed record NotFoundViewModel(string Language, IReadOnlyList<ContentItem> Suggestions);
