using JourneyContent.Stages;
using Microsoft.Extensions.Logging;
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
        var full = Full(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string Full(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public MarkdownContentSource Open(
        bool watch = false,
        StageModel? stages = null,
        TimeProvider? time = null,
        ILogger<MarkdownContentSource>? logger = null,
        TimeSpan? debounce = null) => new(
        Options.Create(new MarkdownContentOptions
        {
            ContentPath = Path,
            WatchForChanges = watch,
            ReloadDebounce = debounce ?? TimeSpan.FromMilliseconds(100),
        }),
        stages ?? StageModel.Default,
        new MarkdownRenderer(),
        time ?? TimeProvider.System,
        logger ?? NullLogger<MarkdownContentSource>.Instance);

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
