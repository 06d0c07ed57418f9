using JourneyContent.Tracking;

namespace JourneyContent.Recommendations;

/// <summary>What one visitor has read and downloaded: the items never to recommend again, and the recent reading that drives topic affinity.</summary>
/// <remarks>
/// Mutable and not thread-safe; the tracker keeps one per visitor beside the inference state, under the same lock,
/// and rebuilds it from the stored events when a visitor comes back after a restart.
/// </remarks>
public sealed class ReadingHistory
{
    /// <summary>How many distinct recent items are kept for affinity.</summary>
    public const int RecentCapacity = 10;

    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly HashSet<string> _downloaded = new(StringComparer.Ordinal);
    private readonly List<string> _recent = new(RecentCapacity + 1);

    /// <summary>Every item the visitor viewed, engaged with, or downloaded.</summary>
    public IReadOnlySet<string> Read => _read;

    /// <summary>The gated items whose asset the visitor downloaded or asked for through a form.</summary>
    public IReadOnlySet<string> Downloaded => _downloaded;

    /// <summary>The distinct items read most recently, newest first, at most <see cref="RecentCapacity"/>.</summary>
    public IReadOnlyList<string> Recent => _recent;

    /// <summary>Adds another history of the same person: everything read and downloaded, recent reading after this one's.</summary>
    public void MergeFrom(ReadingHistory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _read.UnionWith(other._read);
        _downloaded.UnionWith(other._downloaded);
        foreach (var id in other._recent.Where(id => !_recent.Contains(id)))
        {
            if (_recent.Count >= RecentCapacity)
            {
                break;
            }

            _recent.Add(id);
        }
    }

    /// <summary>Takes one event into account; events that are not about reading (impressions, clicks, declarations) change nothing.</summary>
    public void Record(JourneyEventType type, string? contentId)
    {
        if (string.IsNullOrEmpty(contentId))
        {
            return;
        }

        switch (type)
        {
            case JourneyEventType.View:
            case JourneyEventType.Engaged:
                break;
            case JourneyEventType.Download:
            case JourneyEventType.FormSubmit:
                _downloaded.Add(contentId);
                break;
            default:
                return;
        }

        _read.Add(contentId);
        var existing = _recent.IndexOf(contentId);
        if (existing == 0)
        {
            return;
        }

        if (existing > 0)
        {
            _recent.RemoveAt(existing);
        }

        _recent.Insert(0, contentId);
        if (_recent.Count > RecentCapacity)
        {
            _recent.RemoveAt(_recent.Count - 1);
        }
    }
}
