using System.Reflection;
using System.Text.Json.Nodes;
using JourneyContent.Stages;
using JourneyContent.Umbraco.DocumentTypes;
using NSubstitute;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;

namespace JourneyContent.Umbraco.Tests.DocumentTypes;

/// <summary>The installer against substituted data type and content type services backed by an in-memory store.</summary>
public sealed class JourneyCompositionInstallerTests
{
    private static readonly Guid StagesListKey = Guid.Parse("86171845-7dc9-469a-a675-a4505a7a1dcd");

    /// <summary>Data type name → (property editor schema alias, property editor UI alias).</summary>
    private static readonly Dictionary<string, (string Editor, string Ui)> ExpectedDataTypes = new()
    {
        ["Journey – Stage"] = ("Umbraco.Plain.String", JourneyProperties.StagePickerUiAlias),
        ["Journey – Stages"] = ("Umbraco.CheckBoxList", "Umb.PropertyEditorUi.CheckBoxList"),
        ["Journey – Content kind"] = ("Umbraco.DropDown.Flexible", "Umb.PropertyEditorUi.Dropdown"),
        ["Journey – Topics"] = ("Umbraco.Tags", "Umb.PropertyEditorUi.Tags"),
        ["Journey – Summary"] = ("Umbraco.TextArea", "Umb.PropertyEditorUi.TextArea"),
        ["Journey – Gated asset"] = ("Umbraco.MediaPicker3", "Umb.PropertyEditorUi.MediaPicker"),
        ["Journey – Form name"] = ("Umbraco.TextBox", "Umb.PropertyEditorUi.TextBox"),
        ["Journey – CTA headline"] = ("Umbraco.TextBox", "Umb.PropertyEditorUi.TextBox"),
        ["Journey – CTA text"] = ("Umbraco.TextArea", "Umb.PropertyEditorUi.TextArea"),
        ["Journey – CTA button"] = ("Umbraco.TextBox", "Umb.PropertyEditorUi.TextBox"),
        ["Journey – CTA link"] = ("Umbraco.MultiUrlPicker", "Umb.PropertyEditorUi.MultiUrlPicker"),
        ["Journey – Pinned next"] = ("Umbraco.MultiNodeTreePicker", "Umb.PropertyEditorUi.ContentPicker"),
        ["Journey – Exclude"] = ("Umbraco.TrueFalse", "Umb.PropertyEditorUi.Toggle"),
        ["Journey – Boost"] = ("Umbraco.Decimal", "Umb.PropertyEditorUi.Decimal"),
    };

    /// <summary>Property alias → (group alias, data type name, variation).</summary>
    private static readonly Dictionary<string, (string Group, string DataType, ContentVariation Variation)> ExpectedProperties = new()
    {
        [JourneyProperties.Stage] = ("journey/stage", "Journey – Stage", ContentVariation.Culture),
        [JourneyProperties.SecondaryStages] = ("journey/stage", "Journey – Stages", ContentVariation.Culture),
        [JourneyProperties.Kind] = ("journey/stage", "Journey – Content kind", ContentVariation.Culture),
        [JourneyProperties.Topics] = ("journey/stage", "Journey – Topics", ContentVariation.Culture),
        [JourneyProperties.Summary] = ("journey/stage", "Journey – Summary", ContentVariation.Culture),
        [JourneyProperties.GatedAsset] = ("journey/gatedAsset", "Journey – Gated asset", ContentVariation.Nothing),
        [JourneyProperties.Form] = ("journey/gatedAsset", "Journey – Form name", ContentVariation.Culture),
        [JourneyProperties.CtaHeadline] = ("journey/callToAction", "Journey – CTA headline", ContentVariation.Culture),
        [JourneyProperties.CtaText] = ("journey/callToAction", "Journey – CTA text", ContentVariation.Culture),
        [JourneyProperties.CtaButton] = ("journey/callToAction", "Journey – CTA button", ContentVariation.Culture),
        [JourneyProperties.CtaLink] = ("journey/callToAction", "Journey – CTA link", ContentVariation.Culture),
        [JourneyProperties.CtaStages] = ("journey/callToAction", "Journey – Stages", ContentVariation.Culture),
        [JourneyProperties.PinnedNext] = ("journey/recommendations", "Journey – Pinned next", ContentVariation.Nothing),
        [JourneyProperties.ExcludeFromRecommendations] = ("journey/recommendations", "Journey – Exclude", ContentVariation.Nothing),
        [JourneyProperties.Boost] = ("journey/recommendations", "Journey – Boost", ContentVariation.Nothing),
    };

    /// <summary>Every property alias of <see cref="JourneyProperties"/> (its string constants but the composition's and the UI's).</summary>
    internal static IReadOnlyList<string> PropertyAliases { get; } =
    [
        .. typeof(JourneyProperties).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not (nameof(JourneyProperties.CompositionAlias) or nameof(JourneyProperties.StagePickerUiAlias)))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    [Fact]
    public async Task First_run_creates_every_data_type_with_its_editor_its_ui_and_the_site_stages()
    {
        var umbraco = new FakeUmbracoSchema();

        var report = await umbraco.Installer().InstallAsync();

        var created = Created<IDataType>(umbraco.DataTypes);
        Assert.All(created, d => Assert.IsType<DataType>(d));
        Assert.Equal(ExpectedDataTypes.Keys.Order(), created.Select(d => d.Name!).Order());
        Assert.All(created, d =>
        {
            Assert.Equal(ExpectedDataTypes[d.Name!].Editor, d.EditorAlias);
            Assert.Equal(ExpectedDataTypes[d.Name!].Ui, d.EditorUiAlias);
            Assert.Equal(Constants.System.Root, d.ParentId);
        });
        await umbraco.DataTypes.Received(created.Count).CreateAsync(Arg.Any<IDataType>(), Constants.Security.SuperUserKey);

        var stages = Named(created, "Journey – Stages");
        Assert.Equal(StagesListKey, stages.Key);
        Assert.Equal(StageModel.Default.Stages.Select(s => s.Key), Assert.IsType<List<string>>(stages.ConfigurationData["items"]));
        var kinds = Named(created, "Journey – Content kind");
        Assert.Equal(StageModel.Default.Kinds.Select(k => k.Key), Assert.IsType<List<string>>(kinds.ConfigurationData["items"]));
        Assert.Equal(false, kinds.ConfigurationData["multiple"]);

        var boost = Named(created, "Journey – Boost");
        Assert.Equal(ValueStorageType.Decimal, boost.DatabaseType);
        Assert.Equal(-1, boost.ConfigurationData["min"]);
        Assert.Equal(1, boost.ConfigurationData["max"]);
        Assert.Equal(0.1m, boost.ConfigurationData["step"]);
        Assert.Equal(3, Named(created, "Journey – Pinned next").ConfigurationData["maxNumber"]);
        Assert.Equal("content", ((JsonObject)Named(created, "Journey – Pinned next").ConfigurationData["startNode"])["type"]!.GetValue<string>());
        Assert.Equal(1, Named(created, "Journey – CTA link").ConfigurationData["maxNumber"]);
        Assert.Equal(false, Named(created, "Journey – Gated asset").ConfigurationData["multiple"]);
        Assert.Equal("journeyTopics", Named(created, "Journey – Topics").ConfigurationData["group"]);
        Assert.Equal("Json", Named(created, "Journey – Topics").ConfigurationData["storageType"]);

        Assert.Equal(ExpectedDataTypes.Count, report.Created.Count(i => i.Kind == InstallItemKind.DataType));
        Assert.Empty(report.Skipped);
    }

    [Fact]
    public async Task First_run_creates_one_composition_with_every_journey_property_in_its_group_bound_to_its_data_type()
    {
        var umbraco = new FakeUmbracoSchema();

        var report = await umbraco.Installer().InstallAsync();

        await umbraco.ContentTypes.Received(1).CreateAsync(Arg.Any<IContentType>(), Constants.Security.SuperUserKey);
        var composition = Assert.IsType<ContentType>(Assert.Single(Created<IContentType>(umbraco.ContentTypes)));
        Assert.Equal(JourneyProperties.CompositionAlias, composition.Alias);
        Assert.Equal("Journey", composition.Name);
        Assert.Equal("icon-navigation-road", composition.Icon);
        Assert.Equal(Guid.Parse("7c2bfd94-11c8-4511-b9e0-d15ff0dce626"), composition.Key);
        Assert.False(composition.IsElement);
        Assert.False(composition.AllowedAsRoot);
        Assert.Equal(ContentVariation.Culture, composition.Variations);

        var tab = composition.PropertyGroups["journey"];
        Assert.Equal(PropertyGroupType.Tab, tab.Type);
        Assert.Equal("Journey", tab.Name);
        Assert.Equal(
            ["journey/stage", "journey/gatedAsset", "journey/callToAction", "journey/recommendations"],
            composition.PropertyGroups.Where(g => g.Type == PropertyGroupType.Group).OrderBy(g => g.SortOrder).Select(g => g.Alias));
        Assert.Equal(
            ["Stage", "Gated asset", "Call to action", "Recommendations"],
            composition.PropertyGroups.Where(g => g.Type == PropertyGroupType.Group).OrderBy(g => g.SortOrder).Select(g => g.Name));

        var dataTypes = Created<IDataType>(umbraco.DataTypes).ToDictionary(d => d.Name!);
        Assert.Equal(PropertyAliases.Order(), composition.PropertyTypes.Select(p => p.Alias).Order());
        foreach (var alias in PropertyAliases)
        {
            var (groupAlias, dataTypeName, variation) = ExpectedProperties[alias];
            var group = composition.PropertyGroups.Single(g => g.PropertyTypes!.Contains(alias));
            Assert.Equal(groupAlias, group.Alias);
            var property = group.PropertyTypes![alias];
            var dataType = dataTypes[dataTypeName];
            Assert.Equal(dataType.Key, property.DataTypeKey);
            Assert.Equal(dataType.Id, property.DataTypeId);
            Assert.NotEqual(0, property.DataTypeId);
            Assert.Equal(dataType.EditorAlias, property.PropertyEditorAlias);
            Assert.Equal(variation, property.Variations);
            Assert.False(property.Mandatory);
            Assert.False(string.IsNullOrWhiteSpace(property.Name));
            Assert.False(string.IsNullOrWhiteSpace(property.Description));
        }

        Assert.Equal(InstallOutcome.Created, report.Items.Single(i => i.Kind == InstallItemKind.Composition).Outcome);
    }

    [Fact]
    public async Task Second_run_saves_nothing()
    {
        var umbraco = new FakeUmbracoSchema();
        await umbraco.Installer().InstallAsync();
        umbraco.ClearReceivedCalls();

        var report = await umbraco.Installer().InstallAsync();

        await umbraco.DataTypes.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await umbraco.DataTypes.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        await umbraco.ContentTypes.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await umbraco.ContentTypes.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        // Nor the synchronous Save of Umbraco 17, obsolete there and gone in 18: matched by name to compile against both.
        Assert.DoesNotContain(umbraco.DataTypes.ReceivedCalls(), c => c.GetMethodInfo().Name == "Save");
        Assert.DoesNotContain(umbraco.ContentTypes.ReceivedCalls(), c => c.GetMethodInfo().Name == "Save");
        Assert.False(report.HasChanges);
        Assert.All(report.Items, i => Assert.Equal(InstallOutcome.Unchanged, i.Outcome));
        Assert.Equal(ExpectedDataTypes.Count + 1, report.Items.Count);
    }

    [Fact]
    public async Task Composition_edited_by_a_site_is_repaired_without_losing_what_the_site_added()
    {
        var umbraco = new FakeUmbracoSchema();
        await umbraco.Installer().InstallAsync();
        var edited = umbraco.LoadContentType(JourneyProperties.CompositionAlias)!;
        edited.AddPropertyType(
            new PropertyType(UmbracoTestBuilder.ShortStrings, "Umbraco.TextBox", ValueStorageType.Nvarchar, "campaignCode") { Name = "Campaign code" },
            "journey/stage");
        edited.AddPropertyType(
            new PropertyType(UmbracoTestBuilder.ShortStrings, "Umbraco.TextBox", ValueStorageType.Nvarchar, "seoTitle") { Name = "SEO title" },
            "seo",
            "SEO");
        edited.PropertyTypes.Single(p => p.Alias == JourneyProperties.Stage).Name = "Funnel step";
        edited.PropertyGroups["journey/callToAction"].Name = "CTA";
        edited.RemovePropertyType(JourneyProperties.Boost);
        umbraco.SaveContentType(edited);
        umbraco.ClearReceivedCalls();

        var report = await umbraco.Installer().InstallAsync();

        await umbraco.ContentTypes.Received(1).UpdateAsync(Arg.Any<IContentType>(), Constants.Security.SuperUserKey);
        await umbraco.ContentTypes.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await umbraco.DataTypes.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        var repaired = umbraco.LoadContentType(JourneyProperties.CompositionAlias)!;
        Assert.Equal("Stage", repaired.PropertyTypes.Single(p => p.Alias == JourneyProperties.Stage).Name);
        Assert.Equal("Call to action", repaired.PropertyGroups["journey/callToAction"].Name);
        Assert.Equal("Campaign code", repaired.PropertyTypes.Single(p => p.Alias == "campaignCode").Name);
        Assert.True(repaired.PropertyGroups["journey/stage"].PropertyTypes!.Contains("campaignCode"));
        Assert.Equal("SEO title", repaired.PropertyTypes.Single(p => p.Alias == "seoTitle").Name);
        Assert.True(repaired.PropertyGroups.Contains("seo"));
        Assert.True(repaired.PropertyGroups["journey/recommendations"].PropertyTypes!.Contains(JourneyProperties.Boost));
        Assert.Equal(PropertyAliases.Append("campaignCode").Append("seoTitle").Order(), repaired.PropertyTypes.Select(p => p.Alias).Order());

        var composition = report.Items.Single(i => i.Kind == InstallItemKind.Composition);
        Assert.Equal(InstallOutcome.Updated, composition.Outcome);
        Assert.Contains($"{JourneyProperties.Stage} name", composition.Detail, StringComparison.Ordinal);
        Assert.Contains($"property {JourneyProperties.Boost} added", composition.Detail, StringComparison.Ordinal);

        umbraco.ClearReceivedCalls();
        Assert.False((await umbraco.Installer().InstallAsync()).HasChanges);
        await umbraco.ContentTypes.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
    }

    [Fact]
    public async Task Property_bound_by_a_site_to_another_data_type_gets_its_own_back()
    {
        var umbraco = new FakeUmbracoSchema();
        await umbraco.Installer().InstallAsync();
        var edited = umbraco.LoadContentType(JourneyProperties.CompositionAlias)!;
        var summary = edited.PropertyTypes.Single(p => p.Alias == JourneyProperties.Summary);
        var textBox = umbraco.LoadDataType(Guid.Parse("616bc26a-fb2f-4c9d-9cc0-c0b342775247"))!;
        summary.DataTypeId = textBox.Id;
        summary.DataTypeKey = textBox.Key;
        summary.PropertyEditorAlias = textBox.EditorAlias;
        umbraco.SaveContentType(edited);

        await umbraco.Installer().InstallAsync();

        var textArea = umbraco.LoadDataType(Guid.Parse("54222df3-77a8-4b73-ae95-30020a30bcbd"))!;
        var repaired = umbraco.LoadContentType(JourneyProperties.CompositionAlias)!.PropertyTypes.Single(p => p.Alias == JourneyProperties.Summary);
        Assert.Equal(textArea.Key, repaired.DataTypeKey);
        Assert.Equal(textArea.Id, repaired.DataTypeId);
        Assert.Equal("Umbraco.TextArea", repaired.PropertyEditorAlias);
    }

    [Fact]
    public async Task Custom_stage_model_updates_the_stage_list_data_type_once_on_the_next_run()
    {
        var umbraco = new FakeUmbracoSchema();
        await umbraco.Installer(StageModel.Default).InstallAsync();
        umbraco.ClearReceivedCalls();
        var custom = StageModel.Create(new StageModelSettings
        {
            Stages = [new StageSettings { Key = "discover" }, new StageSettings { Key = "evaluate" }, new StageSettings { Key = "buy" }],
        });

        var report = await umbraco.Installer(custom).InstallAsync();

        await umbraco.DataTypes.Received(1).UpdateAsync(Arg.Is<IDataType>(d => d.Key == StagesListKey), Constants.Security.SuperUserKey);
        await umbraco.DataTypes.Received(1).UpdateAsync(Arg.Any<IDataType>(), Arg.Any<Guid>());
        await umbraco.DataTypes.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await umbraco.ContentTypes.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        Assert.Equal(["discover", "evaluate", "buy"], (object[])umbraco.LoadDataType(StagesListKey)!.ConfigurationData["items"]);
        var updated = Assert.Single(report.Updated);
        Assert.Equal("Journey – Stages", updated.Name);
        Assert.Contains("items", updated.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_type_edited_by_a_site_gets_its_name_and_settings_back_and_keeps_the_settings_the_site_added()
    {
        var umbraco = new FakeUmbracoSchema();
        await umbraco.Installer().InstallAsync();
        var edited = umbraco.LoadDataType(StagesListKey)!;
        edited.Name = "Étapes";
        edited.EditorUiAlias = "Umb.PropertyEditorUi.Dropdown";
        edited.ConfigurationData = new Dictionary<string, object>(edited.ConfigurationData) { ["items"] = new object[] { "awareness" }, ["siteSetting"] = true };
        umbraco.SaveDataType(edited);
        umbraco.ClearReceivedCalls();

        await umbraco.Installer().InstallAsync();

        await umbraco.DataTypes.Received(1).UpdateAsync(Arg.Any<IDataType>(), Constants.Security.SuperUserKey);
        var repaired = umbraco.LoadDataType(StagesListKey)!;
        Assert.Equal("Journey – Stages", repaired.Name);
        Assert.Equal("Umb.PropertyEditorUi.CheckBoxList", repaired.EditorUiAlias);
        Assert.Equal(StageModel.Default.Stages.Select(s => (object)s.Key), (object[])repaired.ConfigurationData["items"]);
        Assert.Equal(true, repaired.ConfigurationData["siteSetting"]);
    }

    [Fact]
    public async Task Data_type_whose_editor_is_not_registered_is_skipped_and_reported_with_its_property()
    {
        var umbraco = new FakeUmbracoSchema(FakeUmbracoSchema.StandardEditors.Keys.Where(k => k != "Umbraco.Tags"));

        var report = await umbraco.Installer().InstallAsync();

        var skipped = report.Skipped;
        Assert.Equal(2, skipped.Count);
        Assert.Contains(skipped, i => i.Kind == InstallItemKind.DataType && i.Name == "Journey – Topics" && i.Detail.Contains("Umbraco.Tags", StringComparison.Ordinal));
        Assert.Contains(skipped, i => i.Kind == InstallItemKind.Property && i.Name == JourneyProperties.Topics);
        Assert.DoesNotContain(Created<IDataType>(umbraco.DataTypes), d => d.Name == "Journey – Topics");
        var composition = umbraco.LoadContentType(JourneyProperties.CompositionAlias)!;
        Assert.Equal(PropertyAliases.Where(a => a != JourneyProperties.Topics).Order(), composition.PropertyTypes.Select(p => p.Alias).Order());
    }

    [Fact]
    public async Task Composition_whose_alias_a_site_changed_is_found_by_its_key_and_gets_its_alias_back()
    {
        var umbraco = new FakeUmbracoSchema();
        await umbraco.Installer().InstallAsync();
        var renamed = umbraco.LoadContentType(JourneyProperties.CompositionAlias)!;
        renamed.Alias = "buyerJourney";
        umbraco.SaveContentType(renamed);
        umbraco.ClearReceivedCalls();

        await umbraco.Installer().InstallAsync();

        await umbraco.ContentTypes.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await umbraco.ContentTypes.Received(1).UpdateAsync(Arg.Is<IContentType>(c => c.Alias == JourneyProperties.CompositionAlias), Arg.Any<Guid>());
        Assert.Null(umbraco.LoadContentType("buyerJourney"));
    }

    private static List<T> Created<T>(object service) =>
        [.. service.ReceivedCalls().Where(c => c.GetMethodInfo().Name == "CreateAsync").Select(c => (T)c.GetArguments()[0]!)];

    private static IDataType Named(IEnumerable<IDataType> dataTypes, string name) => dataTypes.Single(d => d.Name == name);
}
