using JourneyContent.Content;
using JourneyContent.Search;
using JourneyContent.Stages;

namespace JourneyContent.Site.Pages;

/// <summary>A language's home page: the latest items, the topics, and the customer stories shown as social proof.</summary>
public sealed record HomeViewModel(string Language, IReadOnlyList<ContentItem> Latest, IReadOnlyList<TopicCount> Topics, IReadOnlyList<ContentItem> CustomerStories);

/// <summary>A topic and how many items of the language carry it.</summary>
public sealed record TopicCount(string Topic, int Count)
{
    /// <summary>The topics of <paramref name="items"/>, most used first, then by name.</summary>
    public static IReadOnlyList<TopicCount> In(IEnumerable<ContentItem> items) =>
    [
        .. items.SelectMany(i => i.Topics)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new TopicCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Topic, StringComparer.Ordinal),
    ];
}

/// <summary>A content page.</summary>
public sealed record ContentViewModel(ContentItem Item, Stage? Stage, ContentKind? Kind, IReadOnlyList<Stage> SecondaryStages);

/// <summary>Every item of one stage in one language.</summary>
public sealed record StageViewModel(string Language, Stage Stage, IReadOnlyList<ContentItem> Items);

/// <summary>Every topic of a language.</summary>
public sealed record TopicsViewModel(string Language, IReadOnlyList<TopicCount> Topics);

/// <summary>A topic listing.</summary>
public sealed record TopicViewModel(string Language, string Topic, IReadOnlyList<ContentItem> Items);

/// <summary>The 404 page, in the language of the URL that was not found.</summary>
public sealed record NotFoundViewModel(string Language);

/// <summary>The search page: the query, one page of hits, and the stage facet (shown to editors only).</summary>
public sealed record SearchViewModel(string Language, string Query, SearchResults Results, Stage? Stage, bool ShowFacets, int Page, int PageSize)
{
    /// <summary>True when a page follows this one.</summary>
    public bool HasNextPage => Page * PageSize < Results.Total;
}

/// <summary>An error page: the resource keys of its title and text.</summary>
public sealed record ErrorViewModel(string TitleKey, string TextKey);
