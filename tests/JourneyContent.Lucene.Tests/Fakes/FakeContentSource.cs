using JourneyContent.Content;

namespace JourneyContent.Lucene.Tests.Fakes;

/// <summary>A content source whose catalogue a test swaps, raising <see cref="Changed"/> like the real sources.</summary>
internal sealed class FakeContentSource(IEnumerable<ContentItem> items) : IContentSource
{
    public ContentSnapshot Current { get; private set; } = Snapshot(items);

    public event EventHandler<ContentChangedEventArgs>? Changed;

    public void Replace(IEnumerable<ContentItem> items)
    {
        var previous = Current;
        Current = Snapshot(items);
        Changed?.Invoke(this, new ContentChangedEventArgs(previous, Current));
    }

    private static ContentSnapshot Snapshot(IEnumerable<ContentItem> items) => new(items, [], DateTimeOffset.UnixEpoch);
}
