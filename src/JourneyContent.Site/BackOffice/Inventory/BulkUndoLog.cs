using System.Collections.Concurrent;
using JourneyContent.Tagging;

namespace JourneyContent.Site.BackOffice.Inventory;

/// <summary>One item changed by a bulk re-tagging: its tags before and after.</summary>
/// <param name="ItemId">The item's id.</param>
/// <param name="Title">Its title at the time.</param>
/// <param name="Before">The tags it had before.</param>
/// <param name="After">The tags the bulk change wrote.</param>
public sealed record BulkChangeItem(string ItemId, string Title, ContentTags Before, ContentTags After);

/// <summary>An editor's last bulk re-tagging, which can be undone.</summary>
/// <param name="Stage">The stage it set; null when it untagged the items.</param>
/// <param name="At">When it was applied.</param>
/// <param name="Items">The items it changed.</param>
public sealed record BulkChange(string? Stage, DateTimeOffset At, IReadOnlyList<BulkChangeItem> Items);

/// <summary>The last bulk re-tagging of each editor, kept in memory so that it can be undone.</summary>
/// <remarks>
/// Only the last change per editor is kept; a new one replaces it, and undoing it forgets it. The log lives as long as
/// the process: after a restart there is nothing to undo, and the audit log still tells what changed.
/// </remarks>
public sealed class BulkUndoLog
{
    private readonly ConcurrentDictionary<string, BulkChange> _last = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Remembers <paramref name="change"/> as <paramref name="editor"/>'s last; a change that changed nothing leaves the previous one to undo.</summary>
    public void Record(string editor, BulkChange change)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Items.Count > 0)
        {
            _last[editor] = change;
        }
    }

    /// <summary><paramref name="editor"/>'s last bulk change, or null.</summary>
    public BulkChange? Last(string editor) => _last.GetValueOrDefault(editor);

    /// <summary>Takes <paramref name="editor"/>'s last bulk change out of the log, so that it is undone once only.</summary>
    public BulkChange? Take(string editor) => _last.TryRemove(editor, out var change) ? change : null;
}
