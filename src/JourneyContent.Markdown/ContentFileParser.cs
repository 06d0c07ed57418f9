using System.Globalization;
using System.Text.RegularExpressions;
using JourneyContent.Content;
using JourneyContent.Stages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JourneyContent.Markdown;

/// <summary>Turns one markdown file into a <see cref="ContentItem"/>, or into errors that name the file, line and field.</summary>
/// <remarks>
/// Every problem of a file is reported at once, so an editor fixes it in one pass. Unknown keys are ignored: later
/// features read their own keys from <see cref="ContentFile.FrontMatter"/>. Rendering happens only for valid files.
/// </remarks>
internal sealed partial class ContentFileParser
{
    private readonly StageModel _stages;
    private readonly MarkdownRenderer _renderer;
    private readonly HashSet<string> _languages;
    private readonly string _contentRoot;
    private readonly string _contentRootPrefix;

    /// <param name="stages">The kinds and stages a file may name.</param>
    /// <param name="renderer">Renders the body of valid files.</param>
    /// <param name="languages">The configured languages, already lower-case.</param>
    /// <param name="contentRoot">The absolute, normalised content folder, for gated assets.</param>
    public ContentFileParser(StageModel stages, MarkdownRenderer renderer, IEnumerable<string> languages, string contentRoot)
    {
        _stages = stages;
        _renderer = renderer;
        _languages = new HashSet<string>(languages, StringComparer.Ordinal);
        _contentRoot = Path.TrimEndingDirectorySeparator(contentRoot);
        _contentRootPrefix = Path.EndsInDirectorySeparator(_contentRoot) ? _contentRoot : _contentRoot + Path.DirectorySeparatorChar;
    }

    private string KnownKinds => string.Join(", ", _stages.Kinds.Select(k => k.Key));

    private string KnownStages => string.Join(", ", _stages.Stages.Select(s => s.Key));

    private string KnownLanguages => string.Join(", ", _languages.Order(StringComparer.Ordinal));

    public ParsedFile Parse(string relativePath, string text)
    {
        var document = FrontMatterDocument.TrySplit(text, out var splitError);
        if (document is null)
        {
            return ParsedFile.Failed(new ContentLoadError(relativePath, 1, null, splitError!));
        }

        if (!TryLoadMapping(relativePath, document, out var mapping, out var yamlError))
        {
            return ParsedFile.Failed(yamlError!);
        }

        var fields = new FrontMatterFields(relativePath, mapping ?? new YamlMappingNode(), document.FrontMatterFirstLine, isEmpty: mapping is null);
        var title = ParseTitle(fields);
        var kind = ParseKind(fields);
        var stage = ParseStage(fields);
        var secondary = ParseSecondaryStages(fields);
        var language = ParseLanguage(fields);
        var (slug, slugLine) = ParseSlug(fields);
        var date = ParseDate(fields);
        var gatedAsset = ParseGatedAsset(fields);
        var topics = ParseTopics(fields);
        var summary = fields.Text("summary")?.Trim();
        var translationKey = fields.Text("translation_key")?.Trim();
        var pinnedNext = ParseSlugList(fields, "next");
        var recommend = ParseBoolean(fields, "recommend") ?? true;
        var boost = ParseBoost(fields);
        var callToAction = ParseCallToAction(fields);
        var form = ParseForm(fields);

        if (fields.Errors.Count > 0)
        {
            return new ParsedFile(null, null, fields.Errors);
        }

        var rendered = _renderer.Render(document.Body);
        var item = new ContentItem
        {
            Id = language + "/" + slug,
            Slug = slug!,
            Language = language!,
            Title = title!,
            Kind = kind!.Key,
            Url = "/" + language + "/" + slug,
            Stage = stage?.Key,
            SecondaryStages = secondary,
            Topics = topics,
            Summary = string.IsNullOrEmpty(summary) ? null : summary,
            Date = date,
            GatedAsset = gatedAsset,
            TranslationKey = string.IsNullOrEmpty(translationKey) ? null : translationKey,
            BodyHtml = rendered.Html,
            BodyText = rendered.PlainText,
            Source = relativePath,
            Version = ContentFileVersion.Of(text),
            PinnedNext = [.. pinnedNext.Select(next => language + "/" + next)],
            ExcludedFromRecommendations = !recommend,
            Boost = boost,
            CallToAction = callToAction,
            Form = form,
        };
        return new ParsedFile(item, new ContentFile(relativePath, document, fields.Mapping, slugLine), []);
    }

    /// <summary>Loads the YAML; an empty (or comments-only) front matter gives true and a null mapping, so it is reported as missing a title.</summary>
    private static bool TryLoadMapping(string path, FrontMatterDocument document, out YamlMappingNode? mapping, out ContentLoadError? error)
    {
        mapping = null;
        error = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(document.FrontMatter));
        }
        catch (YamlException ex)
        {
            // YamlDotNet counts lines from the front matter's first line; an error found at the end of the YAML
            // (an unclosed bracket or quote) is reported on the last YAML line rather than on the closing ---.
            var lastYamlLine = Math.Max(document.FrontMatterFirstLine, document.ClosingDelimiterLine - 1);
            var line = (int)Math.Clamp(document.FrontMatterFirstLine + ex.Start.Line - 1, document.FrontMatterFirstLine, lastYamlLine);
            error = new ContentLoadError(path, line, null, "Invalid YAML: " + YamlMessage(ex));
            return false;
        }

        if (stream.Documents.Count == 0)
        {
            return true;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = document.FrontMatterFirstLine + (int)Math.Max(0, stream.Documents[0].RootNode.Start.Line - 1);
            error = new ContentLoadError(path, line, null, "The front matter must be a set of key: value lines.");
            return false;
        }

        mapping = root;
        return true;
    }

    private static string? ParseTitle(FrontMatterFields fields)
    {
        var title = fields.Text("title")?.Trim();
        if (string.IsNullOrEmpty(title) && !fields.HasWrongType("title"))
        {
            fields.Error("title", fields.KeyLine("title"), "A title is required.");
        }

        return title;
    }

    private ContentKind? ParseKind(FrontMatterFields fields)
    {
        var key = fields.Text("kind");
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!fields.HasWrongType("kind"))
            {
                fields.Error("kind", fields.KeyLine("kind"), $"A kind is required ({KnownKinds}).");
            }

            return null;
        }

        var kind = _stages.FindKind(key);
        if (kind is null)
        {
            fields.Error("kind", fields.KeyLine("kind"), $"Unknown kind '{key.Trim()}'. Known kinds: {KnownKinds}.");
        }

        return kind;
    }

    private Stage? ParseStage(FrontMatterFields fields)
    {
        if (!fields.Has("stage"))
        {
            return null;
        }

        var key = fields.Text("stage");
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!fields.HasWrongType("stage"))
            {
                fields.Error("stage", fields.ValueLine("stage"), $"The stage is empty: remove the line to leave the item untagged, or name a stage ({KnownStages}).");
            }

            return null;
        }

        var stage = _stages.FindStage(key);
        if (stage is null)
        {
            fields.Error("stage", fields.ValueLine("stage"), $"Unknown stage '{key.Trim()}'. Known stages: {KnownStages}.");
        }

        return stage;
    }

    private List<StageWeight> ParseSecondaryStages(FrontMatterFields fields)
    {
        const string Field = "secondary_stages";
        var result = new List<StageWeight>();
        if (!fields.TryGet(Field, out var node) || FrontMatterFields.IsNull(node))
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            fields.Error(Field, fields.LineOf(node), "secondary_stages must be a list of entries such as - stage: consideration, weight: 0.5.");
            return result;
        }

        foreach (var entry in sequence.Children)
        {
            if (entry is not YamlMappingNode map)
            {
                fields.Error(Field, fields.LineOf(entry), "Each secondary stage is a mapping such as { stage: consideration, weight: 0.5 }.");
                continue;
            }

            var entryFields = fields.Nested(map);
            var key = entryFields.Text("stage");
            if (string.IsNullOrWhiteSpace(key))
            {
                fields.Error(Field + ".stage", entryFields.KeyLine("stage"), $"A secondary stage needs a stage ({KnownStages}).");
                continue;
            }

            if (_stages.FindStage(key) is not { } secondaryStage)
            {
                fields.Error(Field + ".stage", entryFields.ValueLine("stage"), $"Unknown stage '{key.Trim()}'. Known stages: {KnownStages}.");
                continue;
            }

            // Without a weight, a secondary stage counts half, as in the back office's compact form.
            var weightText = entryFields.Text("weight")?.Trim() ?? "0.5";
            if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !(weight > 0 && weight <= 1))
            {
                fields.Error(Field + ".weight", entryFields.ValueLine("weight"), $"Weight '{weightText}' must be a number greater than 0 and at most 1.");
                continue;
            }

            result.Add(new StageWeight(secondaryStage.Key, weight));
        }

        return result;
    }

    private string? ParseLanguage(FrontMatterFields fields)
    {
        var declared = fields.Text("language")?.Trim().ToLowerInvariant();
        var path = fields.Path;
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var firstFolder = slash > 0 ? path[..slash].ToLowerInvariant() : null;
        var folderLanguage = firstFolder is not null && _languages.Contains(firstFolder) ? firstFolder : null;
        if (string.IsNullOrEmpty(declared))
        {
            if (folderLanguage is null && !fields.HasWrongType("language"))
            {
                fields.Error("language", fields.KeyLine("language"), $"A language is required ({KnownLanguages}).");
            }

            return folderLanguage;
        }

        if (!_languages.Contains(declared))
        {
            fields.Error("language", fields.ValueLine("language"), $"Unknown language '{declared}'. Configured languages: {KnownLanguages}.");
            return null;
        }

        if (folderLanguage is not null && folderLanguage != declared)
        {
            fields.Error("language", fields.ValueLine("language"), $"The file is in the '{folderLanguage}' folder but says language '{declared}'.");
            return null;
        }

        return declared;
    }

    private static (string? Slug, int Line) ParseSlug(FrontMatterFields fields)
    {
        var declared = fields.Text("slug")?.Trim();
        var line = fields.KeyLine("slug");
        if (!string.IsNullOrEmpty(declared))
        {
            if (!SlugPattern().IsMatch(declared))
            {
                fields.Error("slug", line, $"Slug '{declared}' is invalid: use lower-case letters, digits and hyphens.");
                return (null, line);
            }

            return (declared, line);
        }

        if (fields.HasWrongType("slug"))
        {
            return (null, line);
        }

        var fromFileName = Path.GetFileNameWithoutExtension(fields.Path).ToLowerInvariant();
        if (!SlugPattern().IsMatch(fromFileName))
        {
            fields.Error("slug", line, $"Slug '{fromFileName}', taken from the file name, is invalid: rename the file or add a slug line, using lower-case letters, digits and hyphens.");
            return (null, line);
        }

        return (fromFileName, line);
    }

    private static DateOnly? ParseDate(FrontMatterFields fields)
    {
        var text = fields.Text("date")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        fields.Error("date", fields.ValueLine("date"), $"Date '{text}' is not a date in the form yyyy-MM-dd.");
        return null;
    }

    private string? ParseGatedAsset(FrontMatterFields fields)
    {
        var asset = fields.Text("gated_asset")?.Trim().Replace('\\', '/');
        if (string.IsNullOrEmpty(asset))
        {
            return null;
        }

        var line = fields.ValueLine("gated_asset");
        var outside = $"The gated asset '{asset}' must be a path inside the content folder, such as assets/guide.pdf.";
        if (Path.IsPathRooted(asset) || asset.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            fields.Error("gated_asset", line, outside);
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_contentRoot, asset));
        if (!full.StartsWith(_contentRootPrefix, StringComparison.Ordinal))
        {
            fields.Error("gated_asset", line, outside);
            return null;
        }

        if (!File.Exists(full))
        {
            fields.Error("gated_asset", line, $"The gated asset '{asset}' does not exist in the content folder.");
            return null;
        }

        // The normalised form (no ./ or ../ segments) is what download links and the form handler compare.
        return Path.GetRelativePath(_contentRoot, full).Replace('\\', '/');
    }

    private static List<string> ParseTopics(FrontMatterFields fields)
    {
        if (!fields.TryGet("topics", out var node) || FrontMatterFields.IsNull(node))
        {
            return [];
        }

        IEnumerable<string> raw;
        switch (node)
        {
            case YamlSequenceNode sequence:
                raw = sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty);
                break;
            case YamlScalarNode { Value: { } value }:
                raw = value.Split(',');
                break;
            default:
                fields.Error("topics", fields.LineOf(node), "topics must be a list such as [customer-journey, inbound-marketing].");
                return [];
        }

        return [.. raw
            .Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A list of slugs in the item's language (<c>next: [pricing, start-your-free-trial]</c>).</summary>
    private static List<string> ParseSlugList(FrontMatterFields fields, string key)
    {
        if (!fields.TryGet(key, out var node) || FrontMatterFields.IsNull(node))
        {
            return [];
        }

        var entries = node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(c => (c as YamlScalarNode)?.Value),
            YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split(',').Select(v => (string?)v),
            _ => null,
        };
        if (entries is null)
        {
            fields.Error(key, fields.LineOf(node), $"{key} must be a list of slugs such as [pricing, start-your-free-trial].");
            return [];
        }

        var slugs = new List<string>();
        foreach (var entry in entries)
        {
            var slug = entry?.Trim();
            if (string.IsNullOrEmpty(slug) || !SlugPattern().IsMatch(slug))
            {
                fields.Error(key, fields.LineOf(node), $"'{entry}' in {key} is not a slug: use lower-case letters, digits and dashes.");
                continue;
            }

            if (!slugs.Contains(slug, StringComparer.Ordinal))
            {
                slugs.Add(slug);
            }
        }

        return slugs;
    }

    private static bool? ParseBoolean(FrontMatterFields fields, string key)
    {
        var text = fields.Text(key)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                fields.Error(key, fields.ValueLine(key), $"{key} must be true or false, not '{text}'.");
                return null;
        }
    }

    private static double ParseBoost(FrontMatterFields fields)
    {
        var text = fields.Text("boost")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var boost) || boost is < -1 or > 1)
        {
            fields.Error("boost", fields.ValueLine("boost"), $"boost must be a number from -1 (bury) to 1 (promote), not '{text}'.");
            return 0;
        }

        return boost;
    }

    private CallToActionBlock? ParseCallToAction(FrontMatterFields fields)
    {
        if (!fields.TryGet("cta", out var node) || FrontMatterFields.IsNull(node))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            fields.Error("cta", fields.LineOf(node), "cta must be a mapping with headline, text, button, url, stages and all_stages.");
            return null;
        }

        var cta = fields.Nested(mapping);
        var url = cta.Text("url")?.Trim();
        if (!string.IsNullOrEmpty(url) && !CallsToAction.CallToActionCatalog.IsSafeUrl(url))
        {
            cta.Error("cta.url", cta.ValueLine("url"), $"cta.url must be a site path such as /en/pricing or an http(s) address, not '{url}'.");
        }

        var stages = new List<string>();
        if (cta.TryGet("stages", out var stagesNode) && !FrontMatterFields.IsNull(stagesNode))
        {
            var keys = stagesNode switch
            {
                YamlSequenceNode sequence => sequence.Children.Select(c => (c as YamlScalarNode)?.Value ?? string.Empty),
                YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split(','),
                _ => [],
            };
            foreach (var key in keys.Select(k => k.Trim()))
            {
                if (_stages.FindStage(key) is { } stage)
                {
                    stages.Add(stage.Key);
                }
                else
                {
                    cta.Error("cta.stages", cta.LineOf(stagesNode), $"Unknown stage '{key}' in cta.stages. Known stages: {KnownStages}.");
                }
            }
        }

        return new CallToActionBlock
        {
            Headline = NullIfEmpty(cta.Text("headline")),
            Text = NullIfEmpty(cta.Text("text")),
            Button = NullIfEmpty(cta.Text("button")),
            Url = string.IsNullOrEmpty(url) ? null : url,
            Stages = stages,
            AllStages = ParseBoolean(cta, "all_stages") ?? false,
        };

        static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary><c>form: benchmark</c> names a configured form; <c>form: {fields: [...], required: [...]}</c> describes one.</summary>
    private static GatedFormSettings? ParseForm(FrontMatterFields fields)
    {
        if (!fields.TryGet("form", out var node) || FrontMatterFields.IsNull(node))
        {
            return null;
        }

        switch (node)
        {
            case YamlScalarNode { Value: { } name } when SlugPattern().IsMatch(name.Trim()):
                return new GatedFormSettings { Name = name.Trim() };
            case YamlMappingNode mapping:
                var form = fields.Nested(mapping);
                var known = Forms.FormFieldNames.Optional;
                List<string> Keys(string key)
                {
                    var list = Words(form, key).Select(k => k.Replace('-', '_')).ToList();
                    foreach (var unknown in list.Where(k => !known.Contains(k)))
                    {
                        form.Error("form." + key, form.ValueLine(key), $"Unknown form field '{unknown}'. Known fields: {string.Join(", ", known)}.");
                    }

                    return [.. list.Where(known.Contains)];
                }

                var settings = new GatedFormSettings { Name = form.Text("name")?.Trim(), Fields = Keys("fields"), Required = Keys("required") };
                foreach (var required in settings.Required.Where(r => !settings.Fields.Contains(r)))
                {
                    form.Error("form.required", form.ValueLine("required"), $"'{required}' is required but not in form.fields.");
                }

                return settings;
            default:
                fields.Error("form", fields.LineOf(node), "form must be the name of a configured form, or a mapping with fields and required.");
                return null;
        }
    }

    /// <summary>A list (or comma-separated scalar) of lower-cased words.</summary>
    private static List<string> Words(FrontMatterFields fields, string key)
    {
        if (!fields.TryGet(key, out var node) || FrontMatterFields.IsNull(node))
        {
            return [];
        }

        var values = node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(c => (c as YamlScalarNode)?.Value ?? string.Empty),
            YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split(','),
            _ => [],
        };
        return [.. values.Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private static string YamlMessage(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        // YamlDotNet may prefix its messages with positions relative to the front matter; the file line is reported instead.
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

/// <summary>Read access to a front-matter mapping that knows each key's line in the file and collects the file's errors.</summary>
/// <remarks>YamlDotNet's representation model gives 1-based lines within the YAML; adding the YAML's first file line minus one gives the file line.</remarks>
internal sealed class FrontMatterFields
{
    private readonly int _firstLine;
    private readonly int _mappingLine;
    private readonly List<ContentLoadError> _errors;
    private readonly HashSet<string> _wrongType = new(StringComparer.Ordinal);

    /// <param name="path">The file, for errors.</param>
    /// <param name="mapping">The front matter's mapping.</param>
    /// <param name="firstLine">The file line of the YAML's first line.</param>
    /// <param name="isEmpty">True when the front matter holds no YAML at all: absent keys are then reported on line 1, the file's start.</param>
    public FrontMatterFields(string path, YamlMappingNode mapping, int firstLine, bool isEmpty)
        : this(path, mapping, firstLine, isEmpty ? 1 : null, [])
    {
    }

    private FrontMatterFields(string path, YamlMappingNode mapping, int firstLine, int? mappingLine, List<ContentLoadError> errors)
    {
        Path = path;
        Mapping = mapping;
        _firstLine = firstLine;
        _mappingLine = mappingLine ?? LineOf(mapping);
        _errors = errors;
    }

    public string Path { get; }

    public YamlMappingNode Mapping { get; }

    public IReadOnlyList<ContentLoadError> Errors => _errors;

    /// <summary>Fields of a mapping nested in this one (a secondary stage entry), reporting into the same error list.</summary>
    public FrontMatterFields Nested(YamlMappingNode mapping) => new(Path, mapping, _firstLine, null, _errors);

    public void Error(string field, int line, string message) => _errors.Add(new ContentLoadError(Path, line, field, message));

    public bool Has(string key) => TryGet(key, out _);

    public bool HasWrongType(string key) => _wrongType.Contains(key);

    public bool TryGet(string key, out YamlNode value) => TryGetEntry(key, out _, out value);

    /// <summary>A scalar's text; null when the key is absent or YAML null (<c>~</c>, <c>null</c>, nothing).</summary>
    /// <remarks>A list or mapping where text is expected is reported once, under the key's name.</remarks>
    public string? Text(string key)
    {
        if (!TryGet(key, out var node) || IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        if (_wrongType.Add(key))
        {
            Error(key, LineOf(node), $"{key} must be a single value, not a list or a mapping.");
        }

        return null;
    }

    /// <summary>The file line of a key, or of the mapping's start when the key is absent (1 for an empty front matter).</summary>
    public int KeyLine(string key) => TryGetEntry(key, out var keyNode, out _) ? LineOf(keyNode) : _mappingLine;

    /// <summary>The file line of a key's value, or of the mapping's start when the key is absent.</summary>
    public int ValueLine(string key) => TryGet(key, out var node) ? LineOf(node) : _mappingLine;

    public int LineOf(YamlNode node) => _firstLine + (int)Math.Max(0, node.Start.Line - 1);

    /// <summary>True for YAML's null: an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private bool TryGetEntry(string key, out YamlNode keyNode, out YamlNode value)
    {
        foreach (var (k, v) in Mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
            {
                keyNode = k;
                value = v;
                return true;
            }
        }

        keyNode = null!;
        value = null!;
        return false;
    }
}

/// <summary>A loaded file's parts that later features read: its front matter text and positions, its YAML mapping (with keys the item does not carry), and where its slug comes from.</summary>
/// <param name="RelativePath">The path relative to the content folder, with forward slashes.</param>
/// <param name="Document">The front matter and body as split from the file.</param>
/// <param name="FrontMatter">The parsed front matter; treat as read-only, it is shared by every reader of the snapshot.</param>
/// <param name="SlugLine">The file line of the <c>slug</c> key, or of the mapping's start when the slug comes from the file name.</param>
internal sealed record ContentFile(string RelativePath, FrontMatterDocument Document, YamlMappingNode FrontMatter, int SlugLine);

/// <summary>The outcome of parsing one file: an item and its file, or the reasons it was skipped.</summary>
internal sealed record ParsedFile(ContentItem? Item, ContentFile? File, IReadOnlyList<ContentLoadError> Errors)
{
    public static ParsedFile Failed(ContentLoadError error) => new(null, null, [error]);
}
