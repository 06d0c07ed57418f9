using System.Globalization;
using System.Text.RegularExpressions;
using JourneyContent.Content;
using JourneyContent.Stages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JourneyContent.Markdown;

/// <summary>Turns one markdown file into a <see cref="ContentItem"/>, or into errors that name the file, line and field.</summary>
internal sealed partial class ContentFileParser(StageModel stages, MarkdownRenderer renderer, IReadOnlyCollection<string> languages, string contentRoot)
{
    private readonly HashSet<string> _languages = new(languages, StringComparer.OrdinalIgnoreCase);

    public ParsedFile Parse(string relativePath, string text)
    {
        var errors = new List<ContentLoadError>();
        var document = FrontMatterDocument.TrySplit(text, out var splitError);
        if (document is null)
        {
            return ParsedFile.Failed(new ContentLoadError(relativePath, 1, null, splitError!));
        }

        YamlMappingNode mapping;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(document.FrontMatter));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return ParsedFile.Failed(new ContentLoadError(relativePath, document.FrontMatterFirstLine, null, "The front matter must be a set of key: value lines."));
            }

            mapping = root;
        }
        catch (YamlException ex)
        {
            var line = document.FrontMatterFirstLine + (int)Math.Max(0, ex.Start.Line - 1);
            return ParsedFile.Failed(new ContentLoadError(relativePath, line, null, "Invalid YAML: " + YamlMessage(ex)));
        }

        var fields = new Fields(mapping, document.FrontMatterFirstLine);

        var title = fields.String("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new ContentLoadError(relativePath, fields.LineOf("title"), "title", "A title is required."));
        }

        var kindKey = fields.String("kind");
        ContentKind? kind = null;
        if (string.IsNullOrWhiteSpace(kindKey))
        {
            errors.Add(new ContentLoadError(relativePath, fields.LineOf("kind"), "kind", "A kind is required (" + KnownKinds() + ")."));
        }
        else if ((kind = stages.FindKind(kindKey)) is null)
        {
            errors.Add(new ContentLoadError(relativePath, fields.LineOf("kind"), "kind", $"Unknown kind '{kindKey}'. Known kinds: {KnownKinds()}."));
        }

        var stageKey = fields.String("stage");
        Stage? stage = null;
        if (fields.Has("stage") && string.IsNullOrWhiteSpace(stageKey))
        {
            errors.Add(new ContentLoadError(relativePath, fields.LineOf("stage"), "stage", "The stage is empty: remove the line to leave the item untagged, or name a stage (" + KnownStages() + ")."));
        }
        else if (stageKey is not null && (stage = stages.FindStage(stageKey)) is null)
        {
            errors.Add(new ContentLoadError(relativePath, fields.LineOf("stage"), "stage", $"Unknown stage '{stageKey}'. Known stages: {KnownStages()}."));
        }

        var secondary = ParseSecondaryStages(relativePath, fields, errors);
        var language = ParseLanguage(relativePath, fields, errors);
        var slug = ParseSlug(relativePath, fields, errors);
        var date = ParseDate(relativePath, fields, errors);
        var gatedAsset = ParseGatedAsset(relativePath, fields, errors);
        var topics = fields.StringList("topics")
            .Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        if (errors.Count > 0)
        {
            return new ParsedFile(null, errors);
        }

        var rendered = renderer.Render(document.Body);
        var item = new ContentItem
        {
            Id = language + "/" + slug,
            Slug = slug!,
            Language = language!,
            Title = title!.Trim(),
            Kind = kind!.Key,
            Url = "/" + language + "/" + slug,
            Stage = stage?.Key,
            SecondaryStages = secondary,
            Topics = topics,
            Summary = fields.String("summary")?.Trim(),
            Date = date,
            GatedAsset = gatedAsset,
            TranslationKey = fields.String("translation_key")?.Trim() is { Length: > 0 } key ? key : null,
            BodyHtml = rendered.Html,
            BodyText = rendered.PlainText,
            Source = relativePath,
            Version = ContentFileVersion.Of(text),
        };
        return new ParsedFile(item, []);
    }

    private List<StageWeight> ParseSecondaryStages(string path, Fields fields, List<ContentLoadError> errors)
    {
        var result = new List<StageWeight>();
        if (!fields.TryGet("secondary_stages", out var node))
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(new ContentLoadError(path, fields.LineOf(node), "secondary_stages", "secondary_stages must be a list of { stage, weight } entries."));
            return result;
        }

        foreach (var entry in sequence.Children)
        {
            var line = fields.LineOf(entry);
            if (entry is not YamlMappingNode map)
            {
                errors.Add(new ContentLoadError(path, line, "secondary_stages", "Each secondary stage is a mapping such as { stage: consideration, weight: 0.5 }."));
                continue;
            }

            var entryFields = new Fields(map, fields.FirstLine);
            var key = entryFields.String("stage");
            if (stages.FindStage(key) is not { } secondaryStage)
            {
                errors.Add(new ContentLoadError(path, entryFields.LineOf("stage"), "secondary_stages.stage", $"Unknown stage '{key}'. Known stages: {KnownStages()}."));
                continue;
            }

            var weightText = entryFields.String("weight") ?? "0.5";
            if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !(weight > 0 && weight <= 1))
            {
                errors.Add(new ContentLoadError(path, entryFields.LineOf("weight"), "secondary_stages.weight", $"Weight '{weightText}' must be a number greater than 0 and at most 1."));
                continue;
            }

            result.Add(new StageWeight(secondaryStage.Key, weight));
        }

        return result;
    }

    private string? ParseLanguage(string path, Fields fields, List<ContentLoadError> errors)
    {
        var declared = fields.String("language")?.Trim().ToLowerInvariant();
        var firstFolder = path.Contains('/', StringComparison.Ordinal) ? path[..path.IndexOf('/', StringComparison.Ordinal)].ToLowerInvariant() : null;
        var folderLanguage = firstFolder is not null && _languages.Contains(firstFolder) ? firstFolder : null;
        if (string.IsNullOrEmpty(declared))
        {
            if (folderLanguage is null)
            {
                errors.Add(new ContentLoadError(path, fields.LineOf("language"), "language", $"A language is required ({string.Join(", ", _languages.Order(StringComparer.Ordinal))})."));
            }

            return folderLanguage;
        }

        if (!_languages.Contains(declared))
        {
            errors.Add(new ContentLoadError(path, fields.LineOf("language"), "language", $"Unknown language '{declared}'. Configured languages: {string.Join(", ", _languages.Order(StringComparer.Ordinal))}."));
            return null;
        }

        if (folderLanguage is not null && folderLanguage != declared)
        {
            errors.Add(new ContentLoadError(path, fields.LineOf("language"), "language", $"The file is in the '{folderLanguage}' folder but says language '{declared}'."));
            return null;
        }

        return declared;
    }

    private static string? ParseSlug(string path, Fields fields, List<ContentLoadError> errors)
    {
        var slug = fields.String("slug")?.Trim();
        if (string.IsNullOrEmpty(slug))
        {
            slug = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        }

        if (!SlugPattern().IsMatch(slug))
        {
            errors.Add(new ContentLoadError(path, fields.LineOf("slug"), "slug", $"Slug '{slug}' is invalid: use lower-case letters, digits and hyphens."));
            return null;
        }

        return slug;
    }

    private static DateOnly? ParseDate(string path, Fields fields, List<ContentLoadError> errors)
    {
        var text = fields.String("date");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new ContentLoadError(path, fields.LineOf("date"), "date", $"Date '{text}' is not a date in the form yyyy-MM-dd."));
        return null;
    }

    private string? ParseGatedAsset(string path, Fields fields, List<ContentLoadError> errors)
    {
        var asset = fields.String("gated_asset")?.Trim().Replace('\\', '/');
        if (string.IsNullOrEmpty(asset))
        {
            return null;
        }

        var root = Path.GetFullPath(contentRoot);
        var full = Path.GetFullPath(Path.Combine(root, asset));
        if (Path.IsPathRooted(asset) || !full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            errors.Add(new ContentLoadError(path, fields.LineOf("gated_asset"), "gated_asset", $"The gated asset '{asset}' must be a path inside the content folder."));
            return null;
        }

        if (!File.Exists(full))
        {
            errors.Add(new ContentLoadError(path, fields.LineOf("gated_asset"), "gated_asset", $"The gated asset '{asset}' does not exist in the content folder."));
            return null;
        }

        return asset;
    }

    private string KnownKinds() => string.Join(", ", stages.Kinds.Select(k => k.Key));

    private string KnownStages() => string.Join(", ", stages.Stages.Select(s => s.Key));

    private static string YamlMessage(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        // YamlDotNet prefixes its messages with positions relative to the front matter; the file line is reported instead.
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    /// <summary>Read access to a front-matter mapping that knows each key's line in the file.</summary>
    private sealed class Fields(YamlMappingNode mapping, int firstLine)
    {
        public int FirstLine => firstLine;

        public bool Has(string key) => TryGet(key, out _);

        public bool TryGet(string key, out YamlNode node)
        {
            foreach (var (k, v) in mapping.Children)
            {
                if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
                {
                    node = v;
                    return true;
                }
            }

            node = null!;
            return false;
        }

        public string? String(string key) =>
            TryGet(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

        public IEnumerable<string> StringList(string key)
        {
            if (!TryGet(key, out var node))
            {
                return [];
            }

            return node switch
            {
                YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty),
                YamlScalarNode { Value: { } value } => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                _ => [],
            };
        }

        /// <summary>The file line of a key's value, or of the mapping's start when the key is absent.</summary>
        public int LineOf(string key) => TryGet(key, out var node) ? LineOf(node) : firstLine + (int)mapping.Start.Line - 1;

        public int LineOf(YamlNode node) => firstLine + (int)node.Start.Line - 1;
    }
}

/// <summary>The outcome of parsing one file: an item, or the reasons it was skipped.</summary>
internal sealed record ParsedFile(ContentItem? Item, IReadOnlyList<ContentLoadError> Errors)
{
    public static ParsedFile Failed(ContentLoadError error) => new(null, [error]);
}
