using System.Globalization;
using System.Text.RegularExpressions;
using JourneyContent.CallsToAction;
using JourneyContent.Forms;
using JourneyContent.Stages;

namespace JourneyContent.Content;

/// <summary>The one place that checks a content item's values against the stage model, for every content source.</summary>
/// <remarks>
/// <para>Sources only read: the markdown source reads front matter, the Umbraco source reads properties; both hand the
/// text to <see cref="Build"/> and report its problems where the editor can find them (file and line; document,
/// culture and property alias). Every problem of an item is found at once.</para>
/// <para>The result always holds an item, with every faulty value left out (untagged for an unknown stage, the
/// default kind for an unknown kind, the item's own page for an unsafe button URL). What a source does with an item
/// that has errors is the source's: a markdown file is not loaded until fixed, while an Umbraco document, already
/// live on the site, stays listed with the faulty values left out.</para>
/// <para>Some values are corrected rather than refused, because the editor's intent is clear: a boost outside
/// [-1, 1] is clamped to the nearest bound with a warning; repeated stages, topics, pins and fields are kept once;
/// a secondary stage equal to the primary stage is dropped, since the item already serves it in full.</para>
/// </remarks>
public sealed partial class ContentItemBuilder
{
    /// <summary>The weight of a secondary stage written without one.</summary>
    public const double DefaultSecondaryWeight = 0.5;

    private const string ArticleKind = "article";

    private readonly StageModel _stages;

    /// <summary>Creates a builder for a stage model.</summary>
    public ContentItemBuilder(StageModel stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _stages = stages;
        DefaultKind = stages.FindKind(ArticleKind)?.Key ?? stages.Kinds.FirstOrDefault()?.Key ?? ArticleKind;
    }

    /// <summary>The kind given to an item whose kind is unknown: <c>article</c> when the model has it, else its first kind.</summary>
    public string DefaultKind { get; }

    private string KnownStages => string.Join(", ", _stages.Stages.Select(s => s.Key));

    private string KnownKinds => string.Join(", ", _stages.Kinds.Select(k => k.Key));

    /// <summary>True for a slug: lower-case letters and digits in groups joined by single hyphens.</summary>
    public static bool IsSlug(string? text) => text is not null && SlugPattern().IsMatch(text);

    /// <summary>Reads an editor's yes/no: <c>true</c>, <c>yes</c>, <c>on</c>, <c>1</c> or <c>false</c>, <c>no</c>, <c>off</c>, <c>0</c>, in any case.</summary>
    public static bool? ParseFlag(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "YES" or "ON" or "1" => true,
        "FALSE" or "NO" or "OFF" or "0" => false,
        _ => null,
    };

    /// <summary>Checks <paramref name="raw"/> and builds its item.</summary>
    public ContentItemBuild Build(RawContentValues raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var problems = new List<ContentValueProblem>();
        var title = Trimmed(raw.Title);
        if (title is null)
        {
            problems.Add(Error("title", ContentProblemCodes.TitleRequired, "A title is required."));
        }

        var kind = Kind(raw.Kind, problems);
        var stage = Stage(raw.Stage, problems);
        var item = new ContentItem
        {
            Id = raw.Id,
            Slug = raw.Slug,
            Language = raw.Language,
            Title = title ?? raw.Slug,
            Kind = kind,
            Url = raw.Url,
            Stage = stage?.Key,
            SecondaryStages = SecondaryStages(raw.SecondaryStages, stage, problems),
            Topics = Distinct(raw.Topics.Select(t => t.Trim().ToLowerInvariant())),
            Summary = Trimmed(raw.Summary),
            Date = raw.Date,
            GatedAsset = raw.GatedAsset,
            TranslationKey = Trimmed(raw.TranslationKey),
            BodyHtml = raw.BodyHtml,
            BodyText = raw.BodyText,
            Source = raw.Source,
            Version = raw.Version,
            PinnedNext = Distinct(raw.PinnedNext.Select(p => p.Trim()).Where(p => !string.Equals(p, raw.Id, StringComparison.Ordinal))),
            ExcludedFromRecommendations = Excluded(raw, problems),
            Boost = Boost(raw.Boost, problems),
            CallToAction = CallToAction(raw.CallToAction, problems),
            Form = Form(raw.Form, problems),
        };
        return new ContentItemBuild(item, problems);
    }

    private string Kind(string? raw, List<ContentValueProblem> problems)
    {
        var key = Trimmed(raw);
        if (key is null)
        {
            problems.Add(Error("kind", ContentProblemCodes.KindRequired, $"A kind is required ({KnownKinds})."));
            return DefaultKind;
        }

        if (_stages.FindKind(key) is { } kind)
        {
            return kind.Key;
        }

        problems.Add(Error("kind", ContentProblemCodes.KindUnknown, $"Unknown kind '{key}'. Known kinds: {KnownKinds}."));
        return DefaultKind;
    }

    private Stage? Stage(string? raw, List<ContentValueProblem> problems)
    {
        if (raw is null)
        {
            return null;
        }

        var key = Trimmed(raw);
        if (key is null)
        {
            problems.Add(Error("stage", ContentProblemCodes.StageEmpty,
                $"The stage is empty: remove the line to leave the item untagged, or name a stage ({KnownStages})."));
            return null;
        }

        var stage = _stages.FindStage(key);
        if (stage is null)
        {
            problems.Add(Error("stage", ContentProblemCodes.StageUnknown, $"Unknown stage '{key}'. Known stages: {KnownStages}."));
        }

        return stage;
    }

    private List<StageWeight> SecondaryStages(IReadOnlyList<RawStageWeight> raw, Stage? primary, List<ContentValueProblem> problems)
    {
        var result = new List<StageWeight>();
        for (var index = 0; index < raw.Count; index++)
        {
            var key = Trimmed(raw[index].Stage);
            if (key is null)
            {
                problems.Add(Error("secondary_stages.stage", ContentProblemCodes.SecondaryStageRequired, $"A secondary stage needs a stage ({KnownStages}).", index));
                continue;
            }

            if (_stages.FindStage(key) is not { } stage)
            {
                problems.Add(Error("secondary_stages.stage", ContentProblemCodes.SecondaryStageUnknown, $"Unknown stage '{key}'. Known stages: {KnownStages}.", index));
                continue;
            }

            var weightText = Trimmed(raw[index].Weight);
            var weight = DefaultSecondaryWeight;
            if (weightText is not null
                && !(double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) && weight > 0 && weight <= 1))
            {
                problems.Add(Error("secondary_stages.weight", ContentProblemCodes.SecondaryWeightInvalid,
                    $"Weight '{weightText}' must be a number greater than 0 and at most 1.", index));
                continue;
            }

            if (stage.Key != primary?.Key && result.TrueForAll(w => w.Stage != stage.Key))
            {
                result.Add(new StageWeight(stage.Key, weight));
            }
        }

        return result;
    }

    private static bool Excluded(RawContentValues raw, List<ContentValueProblem> problems)
    {
        var recommend = Flag(raw.Recommend, "recommend", ContentProblemCodes.ExclusionInvalid, problems);
        var exclude = Flag(raw.Exclude, "exclude", ContentProblemCodes.ExclusionInvalid, problems);
        return exclude == true || recommend == false;
    }

    private static double Boost(string? raw, List<ContentValueProblem> problems)
    {
        var text = Trimmed(raw);
        if (text is null)
        {
            return 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var boost) || !double.IsFinite(boost))
        {
            problems.Add(Error("boost", ContentProblemCodes.BoostInvalid, $"boost must be a number from -1 (bury) to 1 (promote), not '{text}'."));
            return 0;
        }

        if (boost is < -1 or > 1)
        {
            var clamped = Math.Clamp(boost, -1, 1);
            problems.Add(new ContentValueProblem("boost", null, ContentProblemCodes.BoostOutOfRange,
                $"boost {text} is outside -1 (bury) to 1 (promote); {clamped.ToString(CultureInfo.InvariantCulture)} is used.", ContentProblemSeverity.Warning));
            return clamped;
        }

        return boost;
    }

    private CallToActionBlock? CallToAction(RawCallToAction? raw, List<ContentValueProblem> problems)
    {
        if (raw is null)
        {
            return null;
        }

        var url = Trimmed(raw.Url);
        if (url is not null && !CallToActionUrl.IsSafe(url))
        {
            problems.Add(Error("cta.url", ContentProblemCodes.CtaUrlUnsafe,
                $"cta.url must be a site path such as /en/pricing, an http(s) address or a mailto: address, not '{Printable(url)}'."));
            url = null;
        }

        var stages = new List<string>();
        foreach (var key in raw.Stages.Select(k => k.Trim()).Where(k => k.Length > 0))
        {
            if (_stages.FindStage(key) is not { } stage)
            {
                problems.Add(Error("cta.stages", ContentProblemCodes.CtaStageUnknown, $"Unknown stage '{key}' in cta.stages. Known stages: {KnownStages}."));
            }
            else if (!stages.Contains(stage.Key, StringComparer.Ordinal))
            {
                stages.Add(stage.Key);
            }
        }

        var block = new CallToActionBlock
        {
            Headline = Trimmed(raw.Headline),
            Text = Trimmed(raw.Text),
            Button = Trimmed(raw.Button),
            Url = url,
            Stages = stages,
            AllStages = Flag(raw.AllStages, "cta.all_stages", ContentProblemCodes.CtaAllStagesInvalid, problems) ?? false,
        };

        // Stages alone say whom an offer is for, not that there is one: a block needs something to show or to do.
        var written = block.Headline ?? block.Text ?? block.Button ?? Trimmed(raw.Url);
        return written is null && !block.AllStages ? null : block;
    }

    private static GatedFormSettings? Form(RawGatedForm? raw, List<ContentValueProblem> problems)
    {
        if (raw is null)
        {
            return null;
        }

        var name = Trimmed(raw.Name);
        if (name is not null && !IsSlug(name))
        {
            problems.Add(Error("form.name", ContentProblemCodes.FormNameInvalid,
                $"'{name}' is not a form name: name a configured form in lower-case letters, digits and hyphens."));
            name = null;
        }

        var fields = FieldKeys(raw.Fields, "form.fields", problems);
        var required = FieldKeys(raw.Required, "form.required", problems);
        foreach (var missing in required.Where(r => !fields.Contains(r, StringComparer.Ordinal)))
        {
            problems.Add(Error("form.required", ContentProblemCodes.FormRequiredNotInFields, $"'{missing}' is required but not in form.fields."));
        }

        return name is null && fields.Count == 0 && required.Count == 0 ? null : new GatedFormSettings { Name = name, Fields = fields, Required = required };
    }

    private static List<string> FieldKeys(IReadOnlyList<string> raw, string field, List<ContentValueProblem> problems)
    {
        var keys = Distinct(raw.Select(k => k.Trim().ToLowerInvariant().Replace('-', '_')));
        foreach (var unknown in keys.Where(k => !FormFieldNames.Optional.Contains(k)))
        {
            problems.Add(Error(field, ContentProblemCodes.FormFieldUnknown, $"Unknown form field '{unknown}'. Known fields: {string.Join(", ", FormFieldNames.Optional)}."));
        }

        return [.. keys.Where(FormFieldNames.Optional.Contains)];
    }

    private static bool? Flag(string? raw, string field, string code, List<ContentValueProblem> problems)
    {
        var text = Trimmed(raw);
        if (text is null)
        {
            return null;
        }

        var flag = ParseFlag(text);
        if (flag is null)
        {
            problems.Add(Error(field, code, $"{field} must be true or false, not '{text}'."));
        }

        return flag;
    }

    private static List<string> Distinct(IEnumerable<string> values) => [.. values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The URL with its hidden characters shown as <c>\u0009</c>, so the message says why it was refused.</summary>
    private static string Printable(string text) => string.Concat(text.Select(c =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));

    private static ContentValueProblem Error(string field, string code, string message, int? index = null) =>
        new(field, index, code, message, ContentProblemSeverity.Error);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

/// <summary>What <see cref="ContentItemBuilder.Build"/> made of an item's values.</summary>
/// <param name="Item">The item, with every faulty value left out or corrected.</param>
/// <param name="Problems">What was wrong, in the order of the item's fields.</param>
public sealed record ContentItemBuild(ContentItem Item, IReadOnlyList<ContentValueProblem> Problems)
{
    /// <summary>True when some problem is an error, not only a warning.</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ContentProblemSeverity.Error);
}

/// <summary>One problem with one of an item's values.</summary>
/// <param name="Field">The value at fault, named as in front matter (<c>stage</c>, <c>secondary_stages.weight</c>, <c>cta.url</c>).</param>
/// <param name="Index">For a list of entries (secondary stages), the 0-based entry; otherwise null.</param>
/// <param name="Code">A stable code from <see cref="ContentProblemCodes"/>.</param>
/// <param name="Message">What is wrong, in words an editor can act on.</param>
/// <param name="Severity">An error, or a warning for a value that was corrected.</param>
public sealed record ContentValueProblem(string Field, int? Index, string Code, string Message, ContentProblemSeverity Severity)
{
    /// <summary>The problem as a source reports it: where it was found, in the source's terms.</summary>
    /// <param name="source">The file or document.</param>
    /// <param name="line">The file line, when the source has lines.</param>
    /// <param name="field">The field as the editor knows it (a front-matter key, an Umbraco property alias).</param>
    public ContentLoadError At(string source, int? line, string field) =>
        new(source, line, field, Message) { Code = Code, IsWarning = Severity == ContentProblemSeverity.Warning };
}

/// <summary>How serious a content problem is.</summary>
public enum ContentProblemSeverity
{
    /// <summary>The value is unusable and was left out.</summary>
    Error,

    /// <summary>The value was corrected (a boost clamped to its range); the item is usable.</summary>
    Warning,
}

/// <summary>The stable codes of content problems, the same from every source.</summary>
public static class ContentProblemCodes
{
    /// <summary>No title.</summary>
    public const string TitleRequired = "title.required";

    /// <summary>No kind.</summary>
    public const string KindRequired = "kind.required";

    /// <summary>A kind the stage model does not know.</summary>
    public const string KindUnknown = "kind.unknown";

    /// <summary>A stage set to nothing.</summary>
    public const string StageEmpty = "stage.empty";

    /// <summary>A stage the stage model does not know.</summary>
    public const string StageUnknown = "stage.unknown";

    /// <summary>A secondary stage entry without a stage.</summary>
    public const string SecondaryStageRequired = "secondary_stages.stage.required";

    /// <summary>A secondary stage the stage model does not know.</summary>
    public const string SecondaryStageUnknown = "secondary_stages.stage.unknown";

    /// <summary>A secondary weight that is not a number in (0, 1].</summary>
    public const string SecondaryWeightInvalid = "secondary_stages.weight.invalid";

    /// <summary>A boost that is not a number.</summary>
    public const string BoostInvalid = "boost.invalid";

    /// <summary>A boost outside [-1, 1], clamped (a warning).</summary>
    public const string BoostOutOfRange = "boost.out_of_range";

    /// <summary>A flag keeping the item out of recommendations (markdown <c>recommend</c>, Umbraco <c>journeyExclude</c>) that is not true or false.</summary>
    public const string ExclusionInvalid = "exclusion.invalid";

    /// <summary>A call-to-action URL that <see cref="CallToActionUrl.IsSafe"/> refuses.</summary>
    public const string CtaUrlUnsafe = "cta.url.unsafe";

    /// <summary>A call-to-action stage the stage model does not know.</summary>
    public const string CtaStageUnknown = "cta.stages.unknown";

    /// <summary>An <c>all_stages</c> flag that is not true or false.</summary>
    public const string CtaAllStagesInvalid = "cta.all_stages.invalid";

    /// <summary>A form name that cannot name a configured form.</summary>
    public const string FormNameInvalid = "form.name.invalid";

    /// <summary>A form field the forms feature does not know.</summary>
    public const string FormFieldUnknown = "form.fields.unknown";

    /// <summary>A required form field that is not among the form's fields.</summary>
    public const string FormRequiredNotInFields = "form.required.not_in_fields";
}
