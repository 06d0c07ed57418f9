namespace JourneyContent.Editing;

/// <summary>The back-office screens a tag change can come from, as recorded in <see cref="StageAuditEntry.Source"/>.</summary>
public static class StageAuditSources
{
    /// <summary>The stage picker in the inventory's row.</summary>
    public const string Inline = "inline";

    /// <summary>The item's edit page.</summary>
    public const string Edit = "edit";

    /// <summary>A change applied to several selected items at once.</summary>
    public const string Bulk = "bulk";

    /// <summary>The undoing of a bulk change, which puts the items' earlier tags back.</summary>
    public const string BulkUndo = "bulk-undo";

    /// <summary>An accepted stage suggestion.</summary>
    public const string Suggestion = "suggestion";
}
