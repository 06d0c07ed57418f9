using JourneyContent.Tagging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Markdown;

/// <summary>Writes an editor's tags into a markdown file's front matter, atomically and only if nobody changed the file meanwhile.</summary>
/// <remarks>
/// The new text is written to a temporary file in the same folder and renamed over the original, so readers see
/// the old file or the new one, never half of one. Only the <c>kind</c>, <c>stage</c> and <c>secondary_stages</c>
/// lines change (and <c>next</c>, <c>recommend</c> and <c>boost</c> when the tags carry recommendation settings, <c>topics</c>
/// and the <c>cta</c> block when they carry those): the body and every other front-matter line are kept byte for byte. The version check and the
/// write happen under one lock, so two editors saving at once cannot both win.
/// </remarks>
public sealed class FrontMatterTagWriter(MarkdownContentSource source, IOptions<MarkdownContentOptions> options) : IContentTagWriter
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <inheritdoc />
    public async Task<TagWriteOutcome> WriteAsync(string itemId, ContentTags tags, string expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (source.Current.FindById(itemId) is not { Source: { } relative })
        {
            return TagWriteOutcome.NotFound;
        }

        var path = Path.Combine(options.Value.ContentPath, relative);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(path))
            {
                return TagWriteOutcome.NotFound;
            }

            var text = await File.ReadAllTextAsync(path, cancellationToken);
            if (!string.Equals(ContentFileVersion.Of(text), expectedVersion, StringComparison.Ordinal))
            {
                return TagWriteOutcome.Conflict;
            }

            var document = FrontMatterDocument.TrySplit(text, out _)
                ?? throw new InvalidOperationException($"{relative} has no front matter any more.");
            var yaml = document.FrontMatter;
            yaml = FrontMatterEditor.SetKey(yaml, document.NewLine, "kind", FrontMatterEditor.Scalar("kind", tags.Kind), insertAfter: "title");
            yaml = FrontMatterEditor.SetKey(yaml, document.NewLine, "stage", FrontMatterEditor.Scalar("stage", tags.Stage), insertAfter: "kind");
            yaml = FrontMatterEditor.SetKey(yaml, document.NewLine, "secondary_stages", FrontMatterEditor.SecondaryStages(tags.SecondaryStages), insertAfter: "stage");
            if (tags.Recommendations is { } recommendations)
            {
                // Pins are stored as slugs of the item's own language, as editors write them.
                var slugs = recommendations.PinnedNext.Select(id => id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..]).ToList();
                yaml = FrontMatterEditor.SetKey(yaml, document.NewLine, "next", slugs.Count == 0 ? null : [$"next: [{string.Join(", ", slugs)}]"], insertAfter: "topics");
                yaml = FrontMatterEditor.SetKey(yaml, document.NewLine, "recommend", recommendations.Excluded ? ["recommend: false"] : null, insertAfter: "next");
                yaml = FrontMatterEditor.SetKey(yaml, document.NewLine, "boost", recommendations.Boost == 0 ? null : FrontMatterEditor.Scalar("boost", recommendations.Boost.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)), insertAfter: "recommend");
            }

            if (tags.TopicsAndOffer is { } page)
            {
                yaml = FrontMatterEditor.SetKey(yaml, document.NewLine, "topics", page.Topics.Count == 0 ? null : [$"topics: [{string.Join(", ", page.Topics)}]"], insertAfter: "secondary_stages");
                yaml = FrontMatterEditor.SetKey(yaml, document.NewLine, "cta", FrontMatterEditor.CallToAction(page.CallToAction), insertAfter: "translation_key");
            }

            var bom = text.StartsWith('\uFEFF') ? "\uFEFF" : string.Empty;
            var updated = $"{bom}---{document.NewLine}{yaml}---{document.NewLine}{document.Body}";
            var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            await File.WriteAllTextAsync(temp, updated, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            _writeLock.Release();
        }

        // The editor sees the change at once rather than after the watcher's debounce.
        source.Reload();
        return TagWriteOutcome.Saved;
    }
}
