using JourneyContent.Content;
using JourneyContent.Editing;
using JourneyContent.Stages;

namespace JourneyContent.Tagging;

/// <summary>The result of an editor's tagging: saved, a conflict, not found, or invalid with a problem.</summary>
/// <param name="Outcome">What happened; <c>null</c> when the tags were invalid and nothing was written.</param>
/// <param name="Problem">Why the tags were refused, as a code; the host puts it into the editor's words (<see cref="TaggingProblemText"/>).</param>
public sealed record TaggingResult(TagWriteOutcome? Outcome, TaggingProblem? Problem)
{
    /// <summary>Every reason the tags were refused, <see cref="Problem"/> first; empty when they were not refused.</summary>
    public IReadOnlyList<TaggingProblem> Problems { get; init; } = Problem is null ? [] : [Problem];

    /// <summary>True when the tags were written.</summary>
    public bool Saved => Outcome == TagWriteOutcome.Saved;
}

/// <summary>Changes an item's kind and stages on behalf of an editor: validates them, writes them to the item's source, and audits the change.</summary>
/// <remarks>Nothing is audited for a refused, conflicting or unchanged write, so the audit log holds real changes only; a change of pins, exclusion or boost is audited like a stage change.</remarks>
public sealed class ContentTagging(IContentSource content, IContentTagWriter writer, IStageAuditLog audit, StageModel stages, TimeProvider time)
{
    /// <summary>Validates and writes <paramref name="tags"/> for <paramref name="itemId"/>, read at <paramref name="version"/>.</summary>
    public async Task<TaggingResult> TagAsync(string itemId, string version, ContentTags tags, string editor, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (content.Current.FindById(itemId) is not { } item)
        {
            return new TaggingResult(TagWriteOutcome.NotFound, new TaggingProblem(TaggingProblemCodes.ItemGone, itemId));
        }

        if (Validate(item, tags) is [var first, ..] problems)
        {
            return new TaggingResult(null, first) { Problems = problems };
        }

        var before = ContentTags.Of(item);
        var recommendationsChanged = tags.Recommendations is { } wanted && !wanted.SameAs(RecommendationTags.Of(item));
        var topicsAndOfferChanged = tags.TopicsAndOffer is { } page && !page.SameAs(TopicAndOfferTags.Of(item));
        if (before.Kind == tags.Kind && before.Stage == tags.Stage && before.SecondaryText == tags.SecondaryText && !recommendationsChanged && !topicsAndOfferChanged)
        {
            return new TaggingResult(TagWriteOutcome.Saved, null);
        }

        var outcome = await writer.WriteAsync(itemId, tags, version, cancellationToken);
        if (outcome == TagWriteOutcome.Saved)
        {
            await audit.AppendAsync(new StageAuditEntry
            {
                ItemId = itemId,
                ItemTitle = item.Title,
                ChangedBy = editor,
                ChangedAt = time.GetUtcNow(),
                FromStage = before.Stage,
                ToStage = tags.Stage,
                FromSecondary = before.SecondaryText,
                ToSecondary = tags.SecondaryText,
                FromKind = before.Kind,
                ToKind = tags.Kind,
                FromRecommendations = recommendationsChanged ? RecommendationTags.Of(item) : null,
                ToRecommendations = recommendationsChanged ? tags.Recommendations : null,
                FromTopicsAndOffer = topicsAndOfferChanged ? TopicAndOfferTags.Of(item) : null,
                ToTopicsAndOffer = topicsAndOfferChanged ? tags.TopicsAndOffer : null,
                Source = source,
            }, cancellationToken);
        }

        return new TaggingResult(outcome, outcome switch
        {
            TagWriteOutcome.Conflict => new TaggingProblem(TaggingProblemCodes.Conflict, item.Title),
            TagWriteOutcome.NotFound => new TaggingProblem(TaggingProblemCodes.ItemGone, itemId),
            _ => null,
        });
    }

    /// <summary>Every reason <paramref name="tags"/> cannot be written to <paramref name="item"/>, in the order of the edit page's fields; empty when they can.</summary>
    /// <remarks>Lets a form show all its problems at once; <see cref="TagAsync"/> refuses tags for the same reasons.</remarks>
    public IReadOnlyList<TaggingProblem> Validate(ContentItem item, ContentTags tags)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(tags);
        return [.. ValidateTags(tags), .. ValidateRecommendations(item, tags.Recommendations), .. ValidateTopicsAndOffer(tags.TopicsAndOffer)];
    }

    private IEnumerable<TaggingProblem> ValidateTopicsAndOffer(TopicAndOfferTags? tags)
    {
        if (tags is null)
        {
            yield break;
        }

        foreach (var topic in tags.Topics.Where(t => !IsSlug(t)))
        {
            yield return new TaggingProblem(TaggingProblemCodes.TopicInvalid, topic);
        }

        if (tags.Topics.Count > TopicAndOfferTags.MaxTopics)
        {
            yield return new TaggingProblem(TaggingProblemCodes.TooManyTopics, TopicAndOfferTags.MaxTopics.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (tags.CallToAction is not { } offer)
        {
            yield break;
        }

        foreach (var (code, value, max) in new[]
        {
            (TaggingProblemCodes.OfferHeadlineTooLong, offer.Headline, TopicAndOfferTags.MaxHeadline),
            (TaggingProblemCodes.OfferTextTooLong, offer.Text, TopicAndOfferTags.MaxText),
            (TaggingProblemCodes.OfferButtonTooLong, offer.Button, TopicAndOfferTags.MaxButton),
        })
        {
            if (value is { Length: var length } && length > max)
            {
                yield return new TaggingProblem(code, max.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (offer.Url is { } url && !CallsToAction.CallToActionUrl.IsSafe(url))
        {
            yield return new TaggingProblem(TaggingProblemCodes.OfferUrlUnsafe, url);
        }

        foreach (var stage in offer.Stages.Where(s => stages.FindStage(s) is null))
        {
            yield return new TaggingProblem(TaggingProblemCodes.OfferStageUnknown, stage);
        }

        // The same rule as the content loader: stages alone say whom an offer is for, not that there is one.
        if (offer.Headline is null && offer.Text is null && offer.Button is null)
        {
            yield return new TaggingProblem(TaggingProblemCodes.OfferEmpty);
        }
    }

    private static bool IsSlug(string topic) =>
        topic.Length is > 0 and <= 60 && topic[0] != '-' && topic[^1] != '-' && topic.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private IEnumerable<TaggingProblem> ValidateRecommendations(ContentItem item, RecommendationTags? tags)
    {
        if (tags is null)
        {
            yield break;
        }

        if (!(tags.Boost >= -1 && tags.Boost <= 1))
        {
            yield return new TaggingProblem(TaggingProblemCodes.BoostOutOfRange);
        }

        foreach (var id in tags.PinnedNext)
        {
            if (content.Current.FindById(id) is not { } pinned)
            {
                yield return new TaggingProblem(TaggingProblemCodes.PinnedUnknown, id);
            }
            else if (pinned.Id == item.Id)
            {
                yield return new TaggingProblem(TaggingProblemCodes.PinnedSelf);
            }
            else if (!string.Equals(pinned.Language, item.Language, StringComparison.OrdinalIgnoreCase))
            {
                yield return new TaggingProblem(TaggingProblemCodes.PinnedOtherLanguage, pinned.Title);
            }
        }

        if (tags.PinnedNext.Distinct(StringComparer.Ordinal).Count() != tags.PinnedNext.Count)
        {
            yield return new TaggingProblem(TaggingProblemCodes.PinnedTwice);
        }
    }

    private IEnumerable<TaggingProblem> ValidateTags(ContentTags tags)
    {
        if (stages.FindKind(tags.Kind) is null)
        {
            yield return new TaggingProblem(TaggingProblemCodes.UnknownKind, tags.Kind);
        }

        if (tags.Stage is not null && stages.FindStage(tags.Stage) is null)
        {
            yield return new TaggingProblem(TaggingProblemCodes.UnknownStage, tags.Stage);
        }

        foreach (var unknown in tags.SecondaryStages.Where(s => stages.FindStage(s.Stage) is null))
        {
            yield return new TaggingProblem(TaggingProblemCodes.UnknownSecondaryStage, unknown.Stage);
        }

        if (tags.Stage is not null && tags.SecondaryStages.Any(s => s.Stage == tags.Stage))
        {
            yield return new TaggingProblem(TaggingProblemCodes.SecondaryIsPrimary);
        }

        if (tags.SecondaryStages.Select(s => s.Stage).Distinct(StringComparer.Ordinal).Count() != tags.SecondaryStages.Count)
        {
            yield return new TaggingProblem(TaggingProblemCodes.SecondaryTwice);
        }
    }
}
