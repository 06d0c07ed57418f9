using System.Globalization;
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
internal sealed class ContentFileParser
{
    private readonly ContentItemBuilder _builder;
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
        _builder = new ContentItemBuilder(stages);
        _renderer = renderer;
        _languages = new HashSet<string>(languages, StringComparer.Ordinal);
        _contentRoot = Path.TrimEndingDirectorySeparator(contentRoot);
        _contentRootPrefix = Path.EndsInDirectorySeparator(_contentRoot) ? _contentRoot : _contentRoot + Path.DirectorySeparatorChar;
    }

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
        var language = ParseLanguage(fields);
        var (slug, slugLine) = ParseSlug(fields);
        var (secondary, secondaryEntries) = ReadSecondaryStages(fields);
        var raw = new RawContentValues
        {
            Id = language + "/" + slug,
            Slug = slug ?? string.Empty,
            Language = language ?? string.Empty,
            Url = "/" + language + "/" + slug,
            Date = ParseDate(fields),
            GatedAsset = ParseGatedAsset(fields),
            TranslationKey = fields.Text("translation_key"),
            Source = relativePath,
            Version = ContentFileVersion.Of(text),
            Title = fields.Text("title"),
            Summary = fields.Text("summary"),
            // A stage line without a value is written, but empty: the builder reports it.
            Stage = fields.Has("stage") ? fields.Text("stage") ?? string.Empty : null,
            SecondaryStages = secondary,
            Kind = fields.Text("kind"),
            Topics = ReadList(fields, "topics", "topics must be a list such as [customer-journey, inbound-marketing].") ?? [],
            Boost = fields.Text("boost"),
            PinnedNext = [.. ReadSlugList(fields, "next").Select(next => language + "/" + next)],
            Recommend = fields.Text("recommend"),
            CallToAction = ReadCallToAction(fields),
            Form = ReadForm(fields),
        };

        var built = _builder.Build(raw);
        var errors = fields.Errors.ToList();
        errors.AddRange(built.Problems
            .Where(p => !fields.HasWrongType(TopKey(p.Field)))
            .Select(p => p.At(relativePath, LineOf(fields, p, secondaryEntries), p.Field)));
        // Stable: a file's problems are listed in front-matter order, whichever step found them.
        errors = [.. errors.OrderBy(e => e.Line ?? 0)];
        if (errors.Exists(e => !e.IsWarning))
        {
            return new ParsedFile(null, null, errors);
        }

        var rendered = _renderer.Render(document.Body);
        var item = built.Item with { BodyHtml = rendered.Html, BodyText = rendered.PlainText };
        return new ParsedFile(item, new ContentFile(relativePath, document, fields.Mapping, slugLine), errors);
    }

    private static string TopKey(string field) => field.Split('.')[0];

    /// <summary>The file line of a value the builder found fault with: the key for a missing value, the value otherwise.</summary>
    private static int LineOf(FrontMatterFields fields, ContentValueProblem problem, IReadOnlyList<YamlMappingNode> secondaryEntries)
    {
        var parts = problem.Field.Split('.', 2);
        if (parts.Length == 1)
        {
            return parts[0] is "title" or "kind" ? fields.KeyLine(parts[0]) : fields.ValueLine(parts[0]);
        }

        if (problem.Index is { } index && index < secondaryEntries.Count)
        {
            return fields.Nested(secondaryEntries[index]).ValueLine(parts[1]);
        }

        return fields.TryGet(parts[0], out var node) && node is YamlMappingNode nested
            ? fields.Nested(nested).ValueLine(parts[1])
            : fields.ValueLine(parts[0]);
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

    /// <summary>The secondary stages as written, and the mapping of each (for the lines of the builder's problems).</summary>
    private static (List<RawStageWeight> Raw, List<YamlMappingNode> Entries) ReadSecondaryStages(FrontMatterFields fields)
    {
        const string Field = "secondary_stages";
        var raw = new List<RawStageWeight>();
        var entries = new List<YamlMappingNode>();
        if (!fields.TryGet(Field, out var node) || FrontMatterFields.IsNull(node))
        {
            return (raw, entries);
        }

        if (node is not YamlSequenceNode sequence)
        {
            fields.Error(Field, fields.LineOf(node), "secondary_stages must be a list of entries such as - stage: consideration, weight: 0.5.");
            return (raw, entries);
        }

        foreach (var entry in sequence.Children)
        {
            if (entry is not YamlMappingNode map)
            {
                fields.Error(Field, fields.LineOf(entry), "Each secondary stage is a mapping such as { stage: consideration, weight: 0.5 }.");
                continue;
            }

            var entryFields = fields.Nested(map);
            raw.Add(new RawStageWeight(entryFields.Text("stage"), entryFields.Text("weight")));
            entries.Add(map);
        }

        return (raw, entries);
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
            if (!ContentItemBuilder.IsSlug(declared))
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
        if (!ContentItemBuilder.IsSlug(fromFileName))
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

    /// <summary>A list, or a comma-separated scalar, as texts; null (reported with <paramref name="shapeError"/>) for a mapping.</summary>
    private static List<string>? ReadList(FrontMatterFields fields, string key, string shapeError)
    {
        if (!fields.TryGet(key, out var node) || FrontMatterFields.IsNull(node))
        {
            return [];
        }

        switch (node)
        {
            case YamlSequenceNode sequence:
                return [.. sequence.Children.Select(c => (c as YamlScalarNode)?.Value ?? string.Empty)];
            case YamlScalarNode scalar:
                return [.. (scalar.Value ?? string.Empty).Split(',')];
            default:
                fields.Error(key, fields.LineOf(node), shapeError);
                return null;
        }
    }

    /// <summary>A list of slugs in the item's language (<c>next: [pricing, start-your-free-trial]</c>).</summary>
    private static List<string> ReadSlugList(FrontMatterFields fields, string key)
    {
        var entries = ReadList(fields, key, $"{key} must be a list of slugs such as [pricing, start-your-free-trial].") ?? [];
        var slugs = new List<string>();
        foreach (var entry in entries)
        {
            var slug = entry.Trim();
            if (!ContentItemBuilder.IsSlug(slug))
            {
                fields.Error(key, fields.ValueLine(key), $"'{entry}' in {key} is not a slug: use lower-case letters, digits and dashes.");
                continue;
            }

            slugs.Add(slug);
        }

        return slugs;
    }

    private static RawCallToAction? ReadCallToAction(FrontMatterFields fields)
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
        return new RawCallToAction
        {
            Headline = cta.Text("headline"),
            Text = cta.Text("text"),
            Button = cta.Text("button"),
            Url = cta.Text("url"),
            Stages = ReadList(cta, "stages", "cta.stages must be a list of stages such as [consideration, decision].") ?? [],
            AllStages = cta.Text("all_stages"),
        };
    }

    /// <summary><c>form: benchmark</c> names a configured form; <c>form: {fields: [...], required: [...]}</c> describes one.</summary>
    private static RawGatedForm? ReadForm(FrontMatterFields fields)
    {
        if (!fields.TryGet("form", out var node) || FrontMatterFields.IsNull(node))
        {
            return null;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return new RawGatedForm { Name = scalar.Value };
            case YamlMappingNode mapping:
                var form = fields.Nested(mapping);
                const string Shape = "must be a list of form fields such as [first_name, company].";
                return new RawGatedForm
                {
                    Name = form.Text("name"),
                    Fields = ReadList(form, "fields", "form.fields " + Shape) ?? [],
                    Required = ReadList(form, "required", "form.required " + Shape) ?? [],
                };
            default:
                fields.Error("form", fields.LineOf(node), "form must be the name of a configured form, or a mapping with fields and required.");
                return null;
        }
    }

    private static string YamlMessage(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        // YamlDotNet may prefix its messages with positions relative to the front matter; the file line is reported instead.
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }
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
