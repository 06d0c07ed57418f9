using JourneyContent.Content;
using JourneyContent.Editing;
using JourneyContent.Stages;
using JourneyContent.Web.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.Pages;

/// <summary>Content pages and topic listings.</summary>
public sealed class ContentController(IContentSource content, IOptions<JourneyContentOptions> options, StageModel stages)
    : PageControllerBase(content, options)
{
    [HttpGet("/{language:length(2)}/{slug}")]
    public IActionResult Show(string language, string slug)
    {
        if (!IsSiteLanguage(language) || Catalog.Find(language, slug) is not { } item)
        {
            return NotFound();
        }

        // Untagged content is unfinished: visitors do not see it, editors do (with a banner) so they can review it.
        if (item.IsUntagged && !IsEditor)
        {
            return NotFound();
        }

        var secondary = item.SecondaryStages
            .Select(s => stages.FindStage(s.Stage))
            .OfType<Stage>()
            .ToList();
        SetPage(language, item.Title, item.Summary, other => Catalog.Translation(item, other)?.Url, indexable: !item.IsUntagged);
        return View(new ContentViewModel(item, stages.FindStage(item.Stage), stages.FindKind(item.Kind), secondary));
    }

    private bool IsEditor => User.IsInRole(JourneyRoles.Editor) || User.IsInRole(JourneyRoles.Admin);

    [HttpGet("/{language:length(2)}/topics/{topic}")]
    public IActionResult Topic(string language, string topic)
    {
        if (!IsSiteLanguage(language))
        {
            return NotFound();
        }

        var items = Catalog.WithTopic(language, topic).Where(i => !i.IsUntagged).ToList();
        if (items.Count == 0)
        {
            return NotFound();
        }

        SetPage(language, topic, null, other => Catalog.WithTopic(other, topic).Any() ? $"/{other}/topics/{topic}" : null);
        return View(new TopicViewModel(language, topic.ToLowerInvariant(), items));
    }
}
