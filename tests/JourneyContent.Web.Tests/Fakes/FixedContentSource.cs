using JourneyContent.Content;

namespace JourneyContent.Web.Tests.Fakes;

/// <summary>A site's content that never changes: one snapshot of the given items.</summary>
internal sealed class FixedContentSource(params ContentItem[] items) : IContentSource
{
    public ContentSnapshot Current { get; } = new(items, [], DateTimeOffset.UnixEpoch);

    public event EventHandler<ContentChangedEventArgs>? Changed
    {
        add { }
        remove { }
    }

    public static ContentItem Item(string id, string kind, string stage) => new()
    {
        Id = id,
        Slug = id.Split('/')[^1],
        Language = "en",
        Title = id,
        Kind = kind,
        Url = "/" + id,
        Stage = stage,
    };
}
