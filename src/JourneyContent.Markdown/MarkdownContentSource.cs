using JourneyContent.Content;
using JourneyContent.Stages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Markdown;

/// <summary>The standalone site's content: every <c>*.md</c> file below the content folder, reloaded when the folder changes.</summary>
/// <remarks>
/// <para>The folder is loaded once, synchronously, by the constructor, so <see cref="Current"/> is never null and never
/// waits for I/O. Files are read in ordinal order of their path relative to the folder (forward slashes), so when two
/// files claim the same slug in one language the one whose path sorts first is kept, every time, and both are
/// reported. Hidden files and folders (names starting with a dot: <c>.git</c>, editors' lock and swap files) are
/// never content.</para>
/// <para>A bad file is skipped and reported in <see cref="ContentSnapshot.Errors"/> and as a logged warning; it never
/// takes the rest of the site down. When <see cref="MarkdownContentOptions.WatchForChanges"/> is set, changes to
/// markdown files, to <c>assets/</c> and to folders trigger a reload on a background thread once the folder has
/// been quiet for <see cref="MarkdownContentOptions.ReloadDebounce"/>, measured with the injected
/// <see cref="TimeProvider"/>. The new snapshot is swapped in whole, then <see cref="Changed"/> is raised; a reload
/// that fails unexpectedly keeps the previous snapshot and logs an error.</para>
/// </remarks>
public sealed class MarkdownContentSource : IContentSource, IDisposable
{
    private const string UnconfiguredSource = "(content folder)";

    private static readonly EnumerationOptions MarkdownFiles = new()
    {
        RecurseSubdirectories = true,
        // On Unix, names starting with a dot are Hidden: this skips .git and editors' .#lock files ending in .md.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        // A folder an editor's tool locked must cost that folder, not the whole load.
        IgnoreInaccessible = true,
        // Simple matching avoids Windows' 8.3 quirks (*.md matching *.mdx); editors may write .MD.
        MatchType = MatchType.Simple,
        MatchCasing = MatchCasing.CaseInsensitive,
    };

    private readonly string _root;
    private readonly TimeSpan _debounceDelay;
    private readonly ContentFileParser _parser;
    private readonly TimeProvider _time;
    private readonly ILogger<MarkdownContentSource> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer? _debounce;
    private readonly Lock _reloadLock = new();
    private LoadedContent _loaded;
    private volatile bool _disposed;

    /// <summary>Loads the folder once and, when configured, starts watching it.</summary>
    /// <remarks>Never throws because of the folder's content: a missing folder or an unexpected failure gives an empty snapshot with an error.</remarks>
    public MarkdownContentSource(IOptions<MarkdownContentOptions> options, StageModel stages, MarkdownRenderer renderer, TimeProvider time, ILogger<MarkdownContentSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = options.Value;
        _time = time;
        _logger = logger;
        _root = string.IsNullOrWhiteSpace(settings.ContentPath)
            ? string.Empty
            : Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.ContentPath));
        _debounceDelay = settings.ReloadDebounce > TimeSpan.Zero ? settings.ReloadDebounce : TimeSpan.Zero;
        var languages = (settings.Languages ?? [])
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        _parser = new ContentFileParser(stages, renderer, languages, _root);

        try
        {
            _loaded = Load();
        }
        catch (Exception ex)
        {
            // The site must start even when the folder cannot be read; the error says why it is empty.
            _logger.LogError(ex, "Loading content from {ContentPath} failed; the site starts without content", _root);
            _loaded = LoadedContent.Failed(new ContentLoadError(SourceOfFolder, null, null, "The content could not be loaded: " + ex.Message), _time.GetUtcNow());
        }

        if (settings.WatchForChanges && _root.Length > 0 && Directory.Exists(_root))
        {
            _debounce = time.CreateTimer(_ => OnQuiet(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = StartWatching();
        }
    }

    /// <inheritdoc />
    public ContentSnapshot Current => Volatile.Read(ref _loaded).Snapshot;

    /// <inheritdoc />
    public event EventHandler<ContentChangedEventArgs>? Changed;

    private string SourceOfFolder => _root.Length > 0 ? _root : UnconfiguredSource;

    /// <summary>Reads the folder again now, swaps in the result and raises <see cref="Changed"/>.</summary>
    /// <remarks>Never throws: an unexpected failure keeps the previous snapshot and is logged as an error.</remarks>
    public void Reload()
    {
        lock (_reloadLock)
        {
            LoadedContent next;
            try
            {
                next = Load();
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Reloading content from {ContentPath} failed; the previous content stays online", _root);
                return;
            }

            var previous = Interlocked.Exchange(ref _loaded, next);
            RaiseChanged(new ContentChangedEventArgs(previous.Snapshot, next.Snapshot));
        }
    }

    /// <summary>Stops watching the folder; <see cref="Current"/> keeps answering with the last snapshot.</summary>
    public void Dispose()
    {
        _disposed = true;
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    /// <summary>The loaded file behind an item of <see cref="Current"/>: its front matter text, positions and YAML, for features that read keys the item does not carry.</summary>
    internal ContentFile? FindFile(string itemId) => Volatile.Read(ref _loaded).FilesByItemId.GetValueOrDefault(itemId);

    private FileSystemWatcher? StartWatching()
    {
        var watcher = new FileSystemWatcher(_root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += OnFolderEvent;
        watcher.Created += OnFolderEvent;
        watcher.Deleted += OnFolderEvent;
        watcher.Renamed += OnFolderEvent;
        watcher.Error += (_, e) =>
        {
            // Usually a buffer overflow after a burst of changes: some events were lost, so reload everything.
            _logger.LogWarning(e.GetException(), "The content folder watcher reported an error; reloading everything");
            ScheduleReload();
        };

        try
        {
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (IOException ex)
        {
            // On Linux this is the inotify limit of a busy machine: the site still serves the content it loaded.
            _logger.LogWarning(ex, "Watching {ContentPath} failed; content changes need a restart to show", _root);
            watcher.Dispose();
            return null;
        }
    }

    private void OnFolderEvent(object sender, FileSystemEventArgs e)
    {
        if (AffectsContent(e.FullPath) || (e is RenamedEventArgs renamed && AffectsContent(renamed.OldFullPath)))
        {
            ScheduleReload();
        }
    }

    /// <summary>True for markdown files, anything under <c>assets/</c>, and folders (renaming or deleting one moves the files inside it).</summary>
    /// <remarks>Other files, such as editors' swap files and the tag writer's temporary files, would only cause useless reloads.</remarks>
    private bool AffectsContent(string fullPath)
    {
        var relative = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        return relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            || relative.Equals("assets", StringComparison.OrdinalIgnoreCase)
            || relative.StartsWith("assets/", StringComparison.OrdinalIgnoreCase)
            || !Path.HasExtension(relative);
    }

    /// <summary>(Re)starts the quiet period: a burst of saves reloads once, after the last one.</summary>
    private void ScheduleReload()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            _debounce?.Change(_debounceDelay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the call; nothing is left to reload for.
        }
    }

    private void OnQuiet()
    {
        if (!_disposed)
        {
            Reload();
        }
    }

    private void RaiseChanged(ContentChangedEventArgs change) =>
        ContentChanges.Raise(Changed, this, change, ex => _logger.LogError(ex, "A subscriber to content changes failed; the new content is online regardless"));

    private LoadedContent Load()
    {
        if (_root.Length == 0)
        {
            return Report(new ContentLoadError(UnconfiguredSource, null, null, "No content folder is configured: set the content path to the folder that holds en/, fr/ and assets/."));
        }

        if (!Directory.Exists(_root))
        {
            return Report(new ContentLoadError(_root, null, null, $"The content folder {_root} does not exist: create it, or point the content path at the folder that holds en/, fr/ and assets/."));
        }

        var files = Directory.EnumerateFiles(_root, "*.md", MarkdownFiles)
            .Select(full => (Full: full, Relative: Path.GetRelativePath(_root, full).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        var errors = new List<ContentLoadError>();
        var valid = new List<ParsedFile>();
        foreach (var (full, relative) in files)
        {
            if (ReadAndParse(full, relative) is not { } parsed)
            {
                continue;
            }

            errors.AddRange(parsed.Errors);
            if (parsed.Item is not null)
            {
                valid.Add(parsed);
            }
        }

        var kept = KeepFirstOfEachSlug(valid, errors);
        // Stable sort: each file's errors stay in front-matter order, and files read in path order.
        errors = [.. errors.OrderBy(e => e.Source, StringComparer.Ordinal)];
        foreach (var error in errors)
        {
            _logger.LogWarning("Content problem: {Error}", error.ToString());
        }

        _logger.LogInformation("Loaded {Count} content items from {ContentPath} ({Errors} problems)", kept.Count, _root, errors.Count);
        return new LoadedContent(
            new ContentSnapshot(kept.Select(f => f.Item!), errors, _time.GetUtcNow()),
            kept.ToDictionary(f => f.Item!.Id, f => f.File!, StringComparer.Ordinal));
    }

    private LoadedContent Report(ContentLoadError error)
    {
        _logger.LogWarning("Content not loaded: {Error}", error.ToString());
        return LoadedContent.Failed(error, _time.GetUtcNow());
    }

    /// <summary>The parsed file, or null when it vanished since the folder was listed (the watcher reloads again).</summary>
    private ParsedFile? ReadAndParse(string fullPath, string relativePath)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Typically a file still being written by an editor's tool; its next change triggers another reload.
            return ParsedFile.Failed(new ContentLoadError(relativePath, null, null, "The file could not be read: " + ex.Message));
        }

        try
        {
            return _parser.Parse(relativePath, text);
        }
        catch (Exception ex)
        {
            // A library failing on one odd file must cost that file, not the site.
            _logger.LogError(ex, "Loading {Source} failed unexpectedly", relativePath);
            return ParsedFile.Failed(new ContentLoadError(relativePath, null, null, "The file could not be loaded: " + ex.Message));
        }
    }

    /// <summary>Keeps the first file (in path order) of each language and slug, and reports every file of a clash.</summary>
    private static List<ParsedFile> KeepFirstOfEachSlug(List<ParsedFile> valid, List<ContentLoadError> errors)
    {
        var kept = new List<ParsedFile>();
        foreach (var clash in valid.GroupBy(f => f.Item!.Id, StringComparer.Ordinal))
        {
            var keeper = clash.First();
            kept.Add(keeper);
            var skipped = clash.Skip(1).ToList();
            if (skipped.Count == 0)
            {
                continue;
            }

            var item = keeper.Item!;
            var keeperPath = keeper.File!.RelativePath;
            var skippedPaths = string.Join(", ", skipped.Select(f => f.File!.RelativePath));
            errors.Add(new ContentLoadError(keeperPath, keeper.File.SlugLine, "slug",
                $"Slug '{item.Slug}' ({item.Language}) is also used by {skippedPaths}; this file is kept because its path sorts first."));
            foreach (var file in skipped)
            {
                errors.Add(new ContentLoadError(file.File!.RelativePath, file.File.SlugLine, "slug",
                    $"Slug '{item.Slug}' ({item.Language}) is already used by {keeperPath}; this file is skipped."));
            }
        }

        return kept;
    }

    /// <summary>A snapshot and the files behind its items, swapped together so that they always match.</summary>
    private sealed record LoadedContent(ContentSnapshot Snapshot, IReadOnlyDictionary<string, ContentFile> FilesByItemId)
    {
        public static LoadedContent Failed(ContentLoadError error, DateTimeOffset loadedAt) =>
            new(new ContentSnapshot([], [error], loadedAt), new Dictionary<string, ContentFile>());
    }
}
