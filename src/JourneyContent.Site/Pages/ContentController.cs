using JourneyContent.Web.Pages;
using JourneyContent.Content;
using JourneyContent.Editing;
using JourneyContent.Stages;
using JourneyContent.Web;
using JourneyContent.Tracking;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Tracking;
using JourneyContent.Forms;
using JourneyContent.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.Pages;

/// <summary>Content pages, and the listings by stage and by topic.</summary>
public sealed class ContentController(
    IContentSource content, IOptions<JourneyContentOptions> options, StageModel stages, IStringLocalizer<SharedStrings> strings, JourneyTracker tracker,
    GatedFormSubmission submission)
    : PageControllerBase(content, options)
{
    [PageRoute("/{language:length(2)}/{slug}")]
    public async Task<IActionResult> Show(string language, string slug)
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

        // A HEAD request or an editor reviewing a draft is not a visitor reading.
        if (!item.IsUntagged && HttpMethods.IsGet(Request.Method))
        {
            await tracker.RecordAsync(HttpContext, JourneyEventType.View, item);
        }

        return Render(item);
    }

    /// <summary>A gated form posted from its content page: the thank-you page (303), or the page again with the errors.</summary>
    [HttpPost("/{language:length(2)}/{slug}")]
    [ValidateAntiForgeryToken]
    [PerIpRateLimit]
    public async Task<IActionResult> Submit(string language, string slug)
    {
        if (!IsSiteLanguage(language) || Catalog.Find(language, slug) is not { IsGated: true, IsUntagged: false } item)
        {
            return NotFound();
        }

        return await submission.SubmitAsync(HttpContext, item) is { } answer ? new HttpResultActionResult(answer) : Render(item);
    }

    private ViewResult Render(ContentItem item)
    {
        var secondary = item.SecondaryStages
            .Select(s => stages.FindStage(s.Stage))
            .OfType<Stage>()
            .ToList();
        SetPage(item.Language, item.Title, item.Summary, other => Catalog.Translation(item, other)?.Url, indexable: !item.IsUntagged);
        return View("Show", new ContentViewModel(item, stages.FindStage(item.Stage), stages.FindKind(item.Kind), secondary));
    }

    [PageRoute("/{language:length(2)}/stages/{stage}")]
    public IActionResult Stage(string language, string stage)
    {
        if (!IsSiteLanguage(language) || stages.FindStage(stage) is not { } found)
        {
            return NotFound();
        }

        var items = Visible(language).Where(i => string.Equals(i.Stage, found.Key, StringComparison.OrdinalIgnoreCase)).ToList();
        SetPage(language, found.Label.Get(language), found.Description.Get(language), other => $"/{other}/stages/{found.Key}");
        return View(new StageViewModel(language, found, items));
    }

    [PageRoute("/{language:length(2)}/topics")]
    public IActionResult Topics(string language)
    {
        if (!IsSiteLanguage(language))
        {
            return NotFound();
        }

        SetPage(language, strings["Topics"], null, other => $"/{other}/topics");
        return View(new TopicsViewModel(language, TopicCount.In(Visible(language))));
    }

    [PageRoute("/{language:length(2)}/topics/{topic}")]
    public IActionResult Topic(string language, string topic)
    {
        if (!IsSiteLanguage(language))
        {
            return NotFound();
        }

        // Earliest stage first, so a reader new to the topic starts with the introductions; newest first within a stage.
        var items = Catalog.WithTopic(language, topic)
            .Where(i => !i.IsUntagged)
            .OrderBy(i => stages.FindStage(i.Stage)?.Order ?? int.MaxValue)
            .ToList();
        if (items.Count == 0)
        {
            return NotFound();
        }

        SetPage(language, topic, null, other => Catalog.WithTopic(other, topic).Any(i => !i.IsUntagged) ? $"/{other}/topics/{topic}" : null);
        return View(new TopicViewModel(language, topic.ToLowerInvariant(), items));
    }

    private bool IsEditor => User.IsInRole(JourneyRoles.Editor) || User.IsInRole(JourneyRoles.Admin);

    private IEnumerable<ContentItem> Visible(string language) => Catalog.InLanguage(language).Where(i => !i.IsUntagged);

    /// <summary>Runs a minimal-API result (the shared submission's answer) as an MVC result.</summary>
    private sealed class HttpResultActionResult(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
