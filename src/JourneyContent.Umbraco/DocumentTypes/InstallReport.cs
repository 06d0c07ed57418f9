namespace JourneyContent.Umbraco.DocumentTypes;

/// <summary>What <see cref="JourneyCompositionInstaller.InstallAsync(CancellationToken)"/> did with each data type and with the composition.</summary>
/// <param name="Items">One entry per data type and one for the composition, plus one per property that could not be added.</param>
public sealed record InstallReport(IReadOnlyList<InstallItem> Items)
{
    /// <summary>The items created by this run.</summary>
    public IReadOnlyList<InstallItem> Created => [.. Items.Where(i => i.Outcome == InstallOutcome.Created)];

    /// <summary>The items that existed and were repaired or brought up to date.</summary>
    public IReadOnlyList<InstallItem> Updated => [.. Items.Where(i => i.Outcome == InstallOutcome.Updated)];

    /// <summary>The items that already matched the definition.</summary>
    public IReadOnlyList<InstallItem> Unchanged => [.. Items.Where(i => i.Outcome == InstallOutcome.Unchanged)];

    /// <summary>The items left alone because of a problem (each one's <see cref="InstallItem.Detail"/> says which).</summary>
    public IReadOnlyList<InstallItem> Skipped => [.. Items.Where(i => i.Outcome == InstallOutcome.Skipped)];

    /// <summary>True when the run created or updated anything.</summary>
    public bool HasChanges => Items.Any(i => i.Outcome is InstallOutcome.Created or InstallOutcome.Updated);

    /// <summary>A one-line summary, for example <c>created 14, updated 0, unchanged 0, skipped 0</c>.</summary>
    public override string ToString() =>
        $"created {Created.Count}, updated {Updated.Count}, unchanged {Unchanged.Count}, skipped {Skipped.Count}";
}

/// <summary>One entry of an <see cref="InstallReport"/>.</summary>
/// <param name="Kind">What the entry is about.</param>
/// <param name="Key">The data type's or composition's key; for a property, its data type's key.</param>
/// <param name="Name">The data type's name, the composition's alias or the property's alias.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">What changed, or why the item was skipped; empty when unchanged.</param>
public sealed record InstallItem(InstallItemKind Kind, Guid Key, string Name, InstallOutcome Outcome, string Detail = "")
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind} '{Name}' {Outcome.ToString().ToLowerInvariant()}{(Detail.Length > 0 ? ": " + Detail : string.Empty)}";
}

/// <summary>The kinds of item an <see cref="InstallReport"/> lists.</summary>
public enum InstallItemKind
{
    /// <summary>A data type.</summary>
    DataType,

    /// <summary>The Journey composition.</summary>
    Composition,

    /// <summary>A property of the composition (listed only when it could not be added or updated).</summary>
    Property,
}

/// <summary>What the installer did with an item.</summary>
public enum InstallOutcome
{
    /// <summary>Already as defined; nothing was saved.</summary>
    Unchanged,

    /// <summary>Created.</summary>
    Created,

    /// <summary>Existed and was changed to match the definition.</summary>
    Updated,

    /// <summary>Left alone because of a problem, logged as a warning.</summary>
    Skipped,
}
