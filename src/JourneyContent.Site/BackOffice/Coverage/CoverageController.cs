using JourneyContent.Content;
using JourneyContent.Coverage;
using JourneyContent.Stages;
using JourneyContent.Web.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.BackOffice.Coverage;

/// <summary>The coverage matrix: content by stage × kind and stage × language, with the gaps highlighted.</summary>
[Route(BackOfficeRoutes.Root)]
[Authorize(Policy = BackOfficePolicies.Staff)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class CoverageController(IContentSource content, StageModel stages, IOptions<JourneyContentOptions> options) : Controller
{
    /// <summary>The matrix page.</summary>
    [HttpGet("coverage")]
    public IActionResult Index() =>
        View(BackOfficeViews.Coverage, CoverageMatrix.Compute(content.Current.Items, stages, options.Value.EffectiveLanguages));

    /// <summary>The matrix as JSON.</summary>
    [HttpGet("api/coverage")]
    public IActionResult Api() =>
        Ok(CoverageMatrix.Compute(content.Current.Items, stages, options.Value.EffectiveLanguages));
}
