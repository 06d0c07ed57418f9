using JourneyContent.Content;
using JourneyContent.Forms;
using JourneyContent.Leads;
using JourneyContent.Stages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Forms;

/// <summary>What a gated item's form shows: its fields from configuration, the consent text, the privacy link and a fresh stamp.</summary>
public sealed class GatedFormLayout(IOptions<GatedFormOptions> options, StageModel stages, IStringLocalizer<SharedStrings> strings, SigningKeys keys, TimeProvider time)
{
    /// <summary>The form definition of an item: its own fields, else its named form, else the configured or built-in default.</summary>
    public FormDefinition Definition(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        static IReadOnlyList<FormField> Fields(IEnumerable<string> keys) =>
            [.. keys.Select(k => FormFields.TryParse(k, out var f) ? f : (FormField?)null).OfType<FormField>().Where(f => f is not (FormField.Email or FormField.Consent)).Distinct()];

        if (item.Form is { Fields.Count: > 0 } inline)
        {
            return new FormDefinition { Name = inline.Name ?? item.Id, Fields = Fields(inline.Fields), Required = Fields(inline.Required).ToHashSet() };
        }

        var name = item.Form?.Name ?? "default";
        if (options.Value.Definitions.TryGetValue(name, out var configured))
        {
            return new FormDefinition { Name = name, Fields = Fields(configured.Fields), Required = Fields(configured.Required).ToHashSet() };
        }

        return FormDefinition.Default;
    }

    /// <summary>The consent text in <paramref name="language"/>: the configured one, else the built-in text.</summary>
    public string ConsentText(string language) =>
        options.Value.ConsentText.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text) ? text : strings["FormConsentDefault"].Value;

    /// <summary>The form of <paramref name="item"/> for a visitor: fields they gave left out, consent asked unless given.</summary>
    public GatedFormModel Build(ContentItem item, KnownVisitor known, LeadSource source)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(known);
        var language = item.Language;
        var privacy = options.Value.PrivacyPolicyUrlFor(language);
        var knownFields = known.KnownFields;
        var definition = Definition(item);
        return new GatedFormModel(
            item,
            [.. definition.Fields.Where(f => !knownFields.Contains(f))],
            definition.Required,
            known.AskConsent,
            ConsentText(language),
            privacy,
            stages.DeclarableStages,
            FormStamp.Create(keys.Links, item.Id, time.GetUtcNow()))
        {
            KnownName = known.Lead?.Profile.FirstName,
            Source = source,
        };
    }
}
