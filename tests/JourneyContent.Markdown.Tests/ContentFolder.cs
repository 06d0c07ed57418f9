using JourneyContent.Markdown;
using JourneyContent.Stages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyContent.Markdown.Tests;

/// <summary>A real content folder in the temp directory, deleted after the test.</summary>
internal sealed class ContentFolder : IDisposable
{
    public ContentFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jc-md-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public MarkdownContentSource Open(bool watch = false, StageModel? stages = null) => new(
        Options.Create(new MarkdownContentOptions { ContentPath = Path, WatchForChanges = watch, ReloadDebounce = TimeSpan.FromMilliseconds(100) }),
        stages ?? StageModel.Default,
        new MarkdownRenderer(),
        TimeProvider.System,
        NullLogger<MarkdownContentSource>.Instance);

    public static string Item(string title = "A title", string kind = "blog-post", string extra = "", string body = "Some **body** text.") =>
        $"---\ntitle: \"{title}\"\nkind: {kind}\n{extra}---\n{body}\n";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
