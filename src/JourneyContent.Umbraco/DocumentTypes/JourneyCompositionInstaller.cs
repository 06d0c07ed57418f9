using JourneyContent.Stages;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.PropertyEditors;
using Umbraco.Cms.Core.Serialization;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Strings;

namespace JourneyContent.Umbraco.DocumentTypes;

/// <summary>
/// Creates or brings up to date the "Journey" composition and its data types from
/// <see cref="JourneyCompositionDefinition"/>, idempotently: a run on a site that already matches saves nothing.
/// </summary>
/// <remarks>
/// <para><b>Data types</b> are found by their fixed key. A missing one is created; an existing one is updated only when
/// its name, property editor, editor UI or one of the configuration settings the definition names differs. Settings
/// the definition does not name (added by a site in the back office) are kept. A data type whose property editor is
/// not registered on the site is skipped with a warning.</para>
/// <para><b>The composition</b> is found by alias (then by key, in case a site renamed it). A missing one is created
/// with every tab, group and property. On an existing one, missing tabs, groups and properties are added, and the names
/// and descriptions of the definition's groups and properties, and their data types, are restored if they drifted.
/// Properties, groups and tabs a site added are never removed; sort orders, mandatory flags, variations and the group a
/// site moved one of the properties to are the site's after creation.</para>
/// <para>Saves go through <see cref="IDataTypeService.CreateAsync"/>/<see cref="IDataTypeService.UpdateAsync"/> and
/// <c>IContentTypeService.CreateAsync</c>/<c>UpdateAsync</c> as the super-user, the non-obsolete APIs of Umbraco 17.</para>
/// </remarks>
/// <param name="dataTypeService">Umbraco's data type service.</param>
/// <param name="contentTypeService">Umbraco's document type service.</param>
/// <param name="propertyEditors">The property editors registered on the site, by schema alias.</param>
/// <param name="configurationSerializer">The serializer Umbraco gives every <see cref="DataType"/>.</param>
/// <param name="shortStringHelper">Umbraco's alias cleaner, for new document types and properties.</param>
/// <param name="stageModel">The site's stage model, which fills in the <c>$stages</c> and <c>$kinds</c> placeholders.</param>
/// <param name="logger">Where skipped items are reported as warnings.</param>
public sealed class JourneyCompositionInstaller(
    IDataTypeService dataTypeService,
    IContentTypeService contentTypeService,
    PropertyEditorCollection propertyEditors,
    IConfigurationEditorJsonSerializer configurationSerializer,
    IShortStringHelper shortStringHelper,
    StageModel stageModel,
    ILogger<JourneyCompositionInstaller> logger)
{
    /// <summary>The user the changes are made as.</summary>
    private static readonly Guid InstallingUser = Constants.Security.SuperUserKey;

    /// <summary>Applies the embedded definition, resolved against the site's stage model.</summary>
    /// <exception cref="JourneyCompositionDefinitionException">The embedded definition is missing or invalid.</exception>
    public Task<InstallReport> InstallAsync(CancellationToken cancellationToken = default) =>
        InstallAsync(JourneyCompositionDefinition.Load(), cancellationToken);

    /// <summary>Applies <paramref name="definition"/>, after resolving its placeholders against the site's stage model.</summary>
    internal async Task<InstallReport> InstallAsync(JourneyCompositionDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition = definition.Resolve(stageModel);
        var items = new List<InstallItem>();
        var dataTypes = new Dictionary<Guid, IDataType>();
        foreach (var dataTypeDefinition in definition.DataTypes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (item, dataType) = await InstallDataTypeAsync(dataTypeDefinition);
            items.Add(item);
            if (dataType is not null)
            {
                dataTypes[dataTypeDefinition.Key] = dataType;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        items.AddRange(await InstallCompositionAsync(definition, dataTypes));
        return new InstallReport(items);
    }

    private async Task<(InstallItem Item, IDataType? DataType)> InstallDataTypeAsync(JourneyDataTypeDefinition definition)
    {
        var existing = await dataTypeService.GetAsync(definition.Key);
        if (!propertyEditors.TryGet(definition.EditorAlias, out var editor))
        {
            logger.LogWarning(
                "JourneyContent: the property editor {EditorAlias} is not registered on this site; the data type \"{DataTypeName}\" ({DataTypeKey}) is left as it is.",
                definition.EditorAlias, definition.Name, definition.Key);
            return (Item(definition, InstallOutcome.Skipped, $"property editor '{definition.EditorAlias}' is not registered"), existing);
        }

        if (existing is null)
        {
            var dataType = new DataType(editor, configurationSerializer, Constants.System.Root)
            {
                Key = definition.Key,
                Name = definition.Name,
                EditorUiAlias = definition.EditorUiAlias,
                DatabaseType = StorageType(editor),
            };
            dataType.ConfigurationData = ConfigurationValues.Merge(dataType.ConfigurationData, definition.Configuration);
            var created = await dataTypeService.CreateAsync(dataType, InstallingUser);
            if (!created.Success)
            {
                // The status alone ("InvalidConfiguration") does not say which value Umbraco objected to: the configuration
                // editor's own validation messages and the configuration sent do.
                var reasons = RefusalReasons(editor, dataType.ConfigurationData);
                logger.LogWarning(
                    "JourneyContent: Umbraco refused to create the data type \"{DataTypeName}\" ({DataTypeKey}): {Status}. {Reasons} Configuration sent: {Configuration}",
                    definition.Name, definition.Key, created.Status, reasons, ConfigurationJson(dataType.ConfigurationData));
                return (Item(definition, InstallOutcome.Skipped, $"creation refused: {created.Status}. {reasons}"), null);
            }

            return (Item(definition, InstallOutcome.Created), created.Result ?? dataType);
        }

        var changes = new List<string>();
        if (!string.Equals(existing.EditorAlias, definition.EditorAlias, StringComparison.Ordinal))
        {
            changes.Add($"editor {existing.EditorAlias} → {definition.EditorAlias}");
            existing.Editor = editor;
            existing.DatabaseType = StorageType(editor);
            existing.ConfigurationData = ConfigurationValues.Merge(editor.GetConfigurationEditor().DefaultConfiguration, definition.Configuration);
        }
        else if (ConfigurationValues.Drifted(existing.ConfigurationData, definition.Configuration) is { Count: > 0 } drifted)
        {
            changes.Add($"configuration {string.Join(", ", drifted)}");
            existing.ConfigurationData = ConfigurationValues.Merge(existing.ConfigurationData, definition.Configuration);
        }

        if (!string.Equals(existing.EditorUiAlias, definition.EditorUiAlias, StringComparison.Ordinal))
        {
            changes.Add($"editor UI {existing.EditorUiAlias} → {definition.EditorUiAlias}");
            existing.EditorUiAlias = definition.EditorUiAlias;
        }

        if (!string.Equals(existing.Name, definition.Name, StringComparison.Ordinal))
        {
            changes.Add($"name \"{existing.Name}\" → \"{definition.Name}\"");
            existing.Name = definition.Name;
        }

        if (changes.Count == 0)
        {
            return (Item(definition, InstallOutcome.Unchanged), existing);
        }

        var updated = await dataTypeService.UpdateAsync(existing, InstallingUser);
        if (!updated.Success)
        {
            var reasons = RefusalReasons(editor, existing.ConfigurationData);
            logger.LogWarning(
                "JourneyContent: Umbraco refused to update the data type \"{DataTypeName}\" ({DataTypeKey}): {Status}. {Reasons} Configuration sent: {Configuration}",
                definition.Name, definition.Key, updated.Status, reasons, ConfigurationJson(existing.ConfigurationData));
            return (Item(definition, InstallOutcome.Skipped, $"update refused: {updated.Status}. {reasons}"), existing);
        }

        return (Item(definition, InstallOutcome.Updated, string.Join("; ", changes)), updated.Result ?? existing);
    }

    private async Task<List<InstallItem>> InstallCompositionAsync(JourneyCompositionDefinition definition, Dictionary<Guid, IDataType> dataTypes)
    {
        var type = definition.Composition;
        var items = new List<InstallItem>();
        var existing = contentTypeService.Get(type.Alias) ?? contentTypeService.Get(type.Key);
        var creating = existing is null;
        var contentType = existing ?? new ContentType(shortStringHelper, Constants.System.Root)
        {
            Key = type.Key,
            Alias = type.Alias,
            Name = type.Name,
            Icon = type.Icon,
            Description = type.Description,
            IsElement = type.IsElement,
            Variations = type.Variation,
            AllowedAsRoot = false,
        };

        var changes = new List<string>();
        if (!creating)
        {
            Restore(changes, "alias", contentType.Alias, type.Alias, _ => contentType.Alias = type.Alias);
            Restore(changes, "name", contentType.Name, type.Name, _ => contentType.Name = type.Name);
            Restore(changes, "description", contentType.Description, type.Description, v => contentType.Description = v);
        }

        foreach (var tab in type.Tabs)
        {
            EnsureGroup(contentType, tab.Alias, tab.Name, PropertyGroupType.Tab, tab.SortOrder, changes);
            foreach (var group in tab.Groups)
            {
                var groupAlias = $"{tab.Alias}/{group.Alias}";
                EnsureGroup(contentType, groupAlias, group.Name, PropertyGroupType.Group, group.SortOrder, changes);
                foreach (var property in group.Properties)
                {
                    if (!dataTypes.TryGetValue(property.DataType, out var dataType))
                    {
                        var reason = $"its data type {property.DataType} is not available (see the data type's entry)";
                        logger.LogWarning("JourneyContent: the property {PropertyAlias} of the Journey composition is left as it is: {Reason}.", property.Alias, reason);
                        items.Add(new InstallItem(InstallItemKind.Property, property.DataType, property.Alias, InstallOutcome.Skipped, reason));
                        continue;
                    }

                    if (EnsureProperty(contentType, groupAlias, property, dataType, changes) is { } problem)
                    {
                        logger.LogWarning("JourneyContent: the property {PropertyAlias} of the Journey composition is left as it is: {Reason}.", property.Alias, problem);
                        items.Add(new InstallItem(InstallItemKind.Property, property.DataType, property.Alias, InstallOutcome.Skipped, problem));
                    }
                }
            }
        }

        if (!creating && changes.Count == 0)
        {
            items.Insert(0, new InstallItem(InstallItemKind.Composition, type.Key, type.Alias, InstallOutcome.Unchanged));
            return items;
        }

        var saved = creating
            ? await contentTypeService.CreateAsync(contentType, InstallingUser)
            : await contentTypeService.UpdateAsync(contentType, InstallingUser);
        if (!saved.Success)
        {
            logger.LogWarning("JourneyContent: Umbraco refused to save the Journey composition ({Alias}): {Status}.", type.Alias, saved.Result);
            items.Insert(0, new InstallItem(InstallItemKind.Composition, type.Key, type.Alias, InstallOutcome.Skipped, $"{(creating ? "creation" : "update")} refused: {saved.Result}"));
            return items;
        }

        items.Insert(0, creating
            ? new InstallItem(InstallItemKind.Composition, type.Key, type.Alias, InstallOutcome.Created)
            : new InstallItem(InstallItemKind.Composition, type.Key, type.Alias, InstallOutcome.Updated, string.Join("; ", changes)));
        return items;
    }

    /// <summary>Adds the tab or group when missing, or restores its name, recording the change.</summary>
    private static void EnsureGroup(IContentType contentType, string alias, string name, PropertyGroupType kind, int sortOrder, List<string> changes)
    {
        if (!contentType.PropertyGroups.Contains(alias))
        {
            contentType.PropertyGroups.Add(new PropertyGroup(isPublishing: true) { Alias = alias, Name = name, Type = kind, SortOrder = sortOrder });
            changes.Add($"{(kind == PropertyGroupType.Tab ? "tab" : "group")} {alias} added");
            return;
        }

        var group = contentType.PropertyGroups[alias];
        Restore(changes, $"{alias} name", group.Name, name, v => group.Name = v);
    }

    /// <summary>Adds the property when missing, or restores its name, description and data type; returns why it could not, or null.</summary>
    private string? EnsureProperty(IContentType contentType, string groupAlias, JourneyPropertyDefinition definition, IDataType dataType, List<string> changes)
    {
        var existing = contentType.PropertyTypes.FirstOrDefault(p => string.Equals(p.Alias, definition.Alias, StringComparison.Ordinal));
        if (existing is null)
        {
            var propertyType = new PropertyType(shortStringHelper, dataType, definition.Alias)
            {
                Name = definition.Name,
                Description = definition.Description,
                DataTypeId = dataType.Id,
                DataTypeKey = dataType.Key,
                Mandatory = definition.Mandatory,
                SortOrder = definition.SortOrder,
                // On a composition a site made invariant, the property is added invariant too.
                Variations = definition.Variation & contentType.Variations,
            };
            if (!contentType.AddPropertyType(propertyType, groupAlias))
            {
                return $"the alias is already used by another composition of the type, or the group {groupAlias} is missing";
            }

            changes.Add($"property {definition.Alias} added");
            return null;
        }

        var alias = definition.Alias;
        Restore(changes, $"{alias} name", existing.Name, definition.Name, _ => existing.Name = definition.Name);
        Restore(changes, $"{alias} description", existing.Description, definition.Description, v => existing.Description = v);
        var bound = existing.DataTypeKey == dataType.Key || (existing.DataTypeKey == Guid.Empty && dataType.HasIdentity && existing.DataTypeId == dataType.Id);
        if (!bound)
        {
            changes.Add($"{alias} data type → {dataType.Name}");
            existing.DataTypeId = dataType.Id;
            existing.DataTypeKey = dataType.Key;
            existing.PropertyEditorAlias = dataType.EditorAlias;
            existing.ValueStorageType = dataType.DatabaseType;
        }

        return null;
    }

    /// <summary>Sets a text back to the definition's when it drifted (null and empty are alike), recording the change.</summary>
    private static void Restore(List<string> changes, string what, string? current, string? wanted, Action<string?> set)
    {
        if (!string.Equals(current ?? string.Empty, wanted ?? string.Empty, StringComparison.Ordinal))
        {
            changes.Add($"{what} \"{current}\" → \"{wanted}\"");
            set(wanted);
        }
    }

    /// <summary>The configuration editor's own validation messages for <paramref name="configuration"/>, as one sentence.</summary>
    private static string RefusalReasons(IDataEditor editor, IDictionary<string, object> configuration)
    {
        var messages = editor.GetConfigurationEditor().Validate(configuration)
            .Select(r => r.MemberNames.Any() ? $"{string.Join(", ", r.MemberNames)}: {r.ErrorMessage}" : r.ErrorMessage)
            .Where(m => !string.IsNullOrWhiteSpace(m))
            .ToList();
        return messages.Count == 0
            ? "The configuration editor reports no error of its own (the refusal came from a validator of Umbraco's data type service)."
            : "The configuration editor reports: " + string.Join("; ", messages) + ".";
    }

    private string ConfigurationJson(IDictionary<string, object> configuration)
    {
        try
        {
            return configurationSerializer.Serialize(configuration);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            // A value that cannot be written is itself the likely cause; its type names it.
            return string.Join(", ", configuration.Select(c => $"{c.Key}: {c.Value?.GetType().Name ?? "null"}"));
        }
    }

    private static ValueStorageType StorageType(IDataEditor editor) => ValueTypes.ToStorageType(editor.GetValueEditor().ValueType);

    private static InstallItem Item(JourneyDataTypeDefinition definition, InstallOutcome outcome, string detail = "") =>
        new(InstallItemKind.DataType, definition.Key, definition.Name, outcome, detail);
}
