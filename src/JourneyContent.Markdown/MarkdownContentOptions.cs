namespace JourneyContent.Markdown;

/// <summary>Where the markdown content lives and how it is watched.</summary>
public sealed class MarkdownContentOptions
{
    /// <summary>The absolute path of the content folder (<c>en/</c>, <c>fr/</c>, <c>assets/</c>…).</summary>
    public string ContentPath { get; set; } = string.Empty;

    /// <summary>The languages content may be written in; a file's first folder named after one sets its language.</summary>
    public IList<string> Languages { get; set; } = ["en", "fr"];

    /// <summary>Whether changes to the folder are picked up while the site runs.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>How long the folder must be quiet before a reload, so that an editor's save of many files reloads once.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(300);
}
