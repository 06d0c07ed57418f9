namespace JourneyContent.Content;

/// <summary>Where content comes from: a folder of markdown files in the standalone site, Umbraco's published content in a CMS.</summary>
/// <remarks>
/// <see cref="Current"/> is cheap and never blocks on I/O: sources load in the background and swap in a new
/// <see cref="ContentSnapshot"/> when content changes, then raise <see cref="Changed"/>.
/// </remarks>
public interface IContentSource
{
    /// <summary>The latest complete snapshot.</summary>
    ContentSnapshot Current { get; }

    /// <summary>Raised after <see cref="Current"/> was replaced.</summary>
    event EventHandler<ContentChangedEventArgs>? Changed;
}

/// <summary>Describes a content change.</summary>
public sealed class ContentChangedEventArgs(ContentSnapshot previous, ContentSnapshot current) : EventArgs
{
    /// <summary>The snapshot before the change.</summary>
    public ContentSnapshot Previous { get; } = previous;

    /// <summary>The snapshot after the change.</summary>
    public ContentSnapshot Current { get; } = current;
}
