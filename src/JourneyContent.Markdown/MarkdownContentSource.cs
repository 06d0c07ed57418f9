using JourneyContent.Content;
using JourneyContent.Stages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Markdown;

/// <summary>The standalone site's content: every <c>*.md</c> file below the content folder, reloaded when the folder changes.</summary>
/// <remarks>
/// Files are read in ordinal order of their relative path, so when two files claim the same slug in one language
/// the one whose path sorts first is kept, every time. A bad file is skipped and reported; it never takes the
/// rest of the site down. Reloads happen on a background thread after the folder has been quiet for
/// <see cref="MarkdownContentOptions.ReloadDebounce"/>; <see cref="Current"/> is swapped whole and never blocks.
/// </remarks>
public sealed class MarkdownContentSource : IContentSource, IDisposable
{
    private readonly MarkdownContentOptions _options;
    private readonly ContentFileParser _parser;
    private readonly TimeProvider _time;
    private readonly ILogger<MarkdownContentSource> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer? _debounce;
    private readonly Lock _reloadLock = new();
    private ContentSnapshot _current;

    /// <summary>Loads the folder once and, when configured, starts watching it.</summary>
    public MarkdownContentSource(IOptions<MarkdownContentOptions> options, StageModel stages, MarkdownRenderer renderer, TimeProvider time, ILogger<MarkdownContentSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _parser = new ContentFileParser(stages, renderer, [.. _options.Languages], _options.ContentPath);
        _current = Load();

        if (_options.WatchForChanges && Directory.Exists(_options.ContentPath))
        {
            _debounce = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new FileSystemWatcher(_options.ContentPath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += OnFolderChanged;
            _watcher.Created += OnFolderChanged;
            _watcher.Deleted += OnFolderChanged;
            _watcher.Renamed += OnFolderChanged;
            _watcher.Error += (_, e) =>
            {
                _logger.LogWarning(e.GetException(), "The content folder watcher failed; reloading everything");
                OnFolderChanged(this, new FileSystemEventArgs(WatcherChangeTypes.All, _options.ContentPath, null));
            };
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <inheritdoc />
    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public event EventHandler<ContentChangedEventArgs>? Changed;

    /// <summary>Reads the folder again now and swaps in the result; a failure keeps the previous snapshot.</summary>
    public void Reload()
    {
        lock (_reloadLock)
        {
            ContentSnapshot next;
            try
            {
                next = Load();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogError(ex, "Reloading content from {ContentPath} failed; the previous content stays online", _options.ContentPath);
                return;
            }

            var previous = Interlocked.Exchange(ref _current, next);
            Changed?.Invoke(this, new ContentChangedEventArgs(previous, next));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private void OnFolderChanged(object sender, FileSystemEventArgs e) =>
        _debounce?.Change(_options.ReloadDebounce, Timeout.InfiniteTimeSpan);

    private ContentSnapshot Load()
    {
        var root = _options.ContentPath;
        if (!Directory.Exists(root))
        {
            var missing = new ContentLoadError(root, null, null, "The content folder does not exist.");
            _logger.LogWarning("Content not loaded: {Error}", missing.ToString());
            return new ContentSnapshot([], [missing], _time.GetUtcNow());
        }

        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(full => (Full: full, Relative: Path.GetRelativePath(root, full).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        var items = new List<ContentItem>();
        var errors = new List<ContentLoadError>();
        var keptBySlug = new Dictionary<string, ContentItem>(StringComparer.OrdinalIgnoreCase);
        var reportedKeepers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(full);
            }
            catch (IOException ex)
            {
                // A file being written by an editor's tool; the watcher triggers another reload when it is done.
                errors.Add(new ContentLoadError(relative, null, null, "The file could not be read: " + ex.Message));
                continue;
            }

            var parsed = _parser.Parse(relative, text);
            errors.AddRange(parsed.Errors);
            if (parsed.Item is not { } item)
            {
                continue;
            }

            if (keptBySlug.TryGetValue(item.Id, out var keeper))
            {
                if (reportedKeepers.Add(keeper.Source!))
                {
                    errors.Add(new ContentLoadError(keeper.Source!, null, "slug", $"Slug '{item.Slug}' ({item.Language}) is also used by {relative}; this file is kept because its path sorts first."));
                }

                errors.Add(new ContentLoadError(relative, null, "slug", $"Slug '{item.Slug}' ({item.Language}) is already used by {keeper.Source}; this file is skipped."));
                continue;
            }

            keptBySlug[item.Id] = item;
            items.Add(item);
        }

        foreach (var error in errors)
        {
            _logger.LogWarning("Content problem: {Error}", error.ToString());
        }

        _logger.LogInformation("Loaded {Count} content items from {ContentPath} ({Errors} problems)", items.Count, root, errors.Count);
        return new ContentSnapshot(items, errors, _time.GetUtcNow());
    }
}
