using System.Security.Claims;
using JourneyContent.Content;
using JourneyContent.Leads;
using JourneyContent.Stages;
using JourneyContent.StageLocks;
using JourneyContent.Tracking;
using JourneyContent.Web.Forms;
using JourneyContent.Web.Leads;
using JourneyContent.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Services;

namespace JourneyContent.Umbraco.BackOffice;

/// <summary>
/// Leads in Umbraco's back office: the list (and its CSV), a lead's dossier with its timeline, the stage lock, and for
/// the privacy groups the export and the erasure. The same use cases as the standalone back office.
/// </summary>
public static class LeadsApi
{
    private const int PageSize = 50;

    /// <summary>Maps <c>/me</c> and <c>/leads…</c> on the back-office API's group.</summary>
    public static RouteGroupBuilder MapJourneyContentLeadsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", Me).RequireAuthorization(BackOfficePolicies.BackOfficeUsers);
        api.MapGet("/leads", List).RequireAuthorization(BackOfficePolicies.Marketers);
        api.MapGet("/leads/{id}", Show).RequireAuthorization(BackOfficePolicies.Marketers);
        api.MapPut("/leads/{id}/stage-lock", Lock).RequireAuthorization(BackOfficePolicies.Marketers);
        api.MapDelete("/leads/{id}/stage-lock", Unlock).RequireAuthorization(BackOfficePolicies.Marketers);
        api.MapGet("/leads/{id}/export", Export).RequireAuthorization(BackOfficePolicies.Privacy);
        api.MapPost("/leads/{id}/erase", Erase).RequireAuthorization(BackOfficePolicies.Privacy);
        return api;
    }

    /// <summary>What the signed-in user may do: the client's manifest conditions hide the dashboards the user may not use.</summary>
    private static async Task<IResult> Me(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        async Task<bool> May(string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
        var marketer = await May(BackOfficePolicies.Marketers);
        return Results.Json(new MeResponse(await May(BackOfficePolicies.Editors), marketer, marketer, await May(BackOfficePolicies.Privacy)));
    }

    private static async Task<IResult> List(string? q, string? stage, string? format, int? page, ILeadStore leads, TimeProvider time, HttpContext context)
    {
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var onlyStage = string.IsNullOrWhiteSpace(stage) ? null : stage.Trim();
        context.Response.Headers.CacheControl = "no-store";
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var (all, _) = await leads.ListAsync(new LeadQuery(search, onlyStage, 0, 100_000), context.RequestAborted);
            return Results.File(ReportCsv.Leads(all).ToUtf8WithBom(), JourneyContent.Reports.Export.CsvTable.ContentType, $"journeycontent-leads-{time.GetUtcNow():yyyyMMdd}.csv");
        }

        var number = Math.Clamp(page ?? 1, 1, 10_000);
        var (found, total) = await leads.ListAsync(new LeadQuery(search, onlyStage, (number - 1) * PageSize, PageSize), context.RequestAborted);
        return Results.Json(new LeadListResponse(total, number, PageSize, [.. found.Select(Summary)]));
    }

    private static async Task<IResult> Show(string id, ILeadStore leads, StageLocking locking, IContentSource content, StageModel stages, HttpContext context)
    {
        if (await leads.RecordAsync(id, context.RequestAborted) is not { } record)
        {
            return NotFound("No lead has this id.");
        }

        context.Response.Headers.CacheControl = "no-store";
        var dossier = await LeadDossier.CreateAsync(record, locking, leads, context.RequestAborted);
        var snapshot = content.Current;
        string? Title(string? contentId) => contentId is null ? null : snapshot.FindById(contentId)?.Title;
        var lead = record.Lead;
        var estimate = dossier.Estimate is { } e
            ? new EstimateDto(
                e.Stage?.Key, SourceName(e.Source), Math.Round(e.Confidence, 4),
                [.. e.Probabilities.Select(p => new ProbabilityDto(p.Key, Math.Round(p.Value, 4)))],
                [.. e.Explanation.Select(s => new ShiftDto(s.At, JourneyEventTypes.Key(s.Type), s.ContentId, Title(s.ContentId), s.Stage, Math.Round(s.Change, 4)))])
            : null;
        return Results.Json(new LeadResponse(
            new LeadDto(
                lead.Id, lead.Email, lead.DisplayName, lead.Profile.Company, lead.Stage, lead.DeclaredStage, lead.Language, lead.CreatedAt, lead.LastActivityAt, lead.IsErased,
                lead.Profile.FirstName, lead.Profile.LastName, lead.Profile.JobTitle, lead.Profile.CompanySize, lead.Profile.Country, lead.Profile.Phone,
                lead.MemberKey, lead.EmailConfirmedAt, lead.ErasedAt,
                new SourceDto(lead.Source.UtmSource, lead.Source.UtmMedium, lead.Source.UtmCampaign, lead.Source.UtmTerm, lead.Source.UtmContent, lead.Source.Referrer, lead.Source.LandingPage)),
            estimate,
            dossier.Lock is { } held ? LockOf(held) : null,
            [.. dossier.LockHistory.Select(AuditDto.Of)],
            [.. dossier.Timeline.Select(t => new TimelineDto(t.At, t.Kind, t.Stage, t.FromStage, t.Reason, t.ContentId, Title(t.ContentId), t.DeclaredStage))],
            [.. record.Consents.Select(c => new ConsentDto(c.Text, c.Version, c.GivenAt, c.ContentId))],
            [.. record.Downloads.Select(d => new DownloadDto(d.ContentId, Title(d.ContentId), d.RequestedAt, d.DownloadedAt, d.Downloads))],
            [.. stages.Stages.Select(s => new StageDto(s.Key, s.Color, new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = s.Label.Get("en"), ["fr"] = s.Label.Get("fr") }))]));
    }

    private static async Task<IResult> Lock(string id, StageLockBody? body, StageLocking locking, IUserService users, TimeProvider time, ClaimsPrincipal user, HttpContext context)
    {
        body ??= new StageLockBody(null, null, null, null);
        var duration = body.Until is not null ? StageLockExpiry.DateChoice : body.Days?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var until = StageLockExpiry.From(duration, body.Until, time.GetUtcNow(), out var badDate);
        var byUser = await BackOfficePolicies.NameOfAsync(user, users);
        var outcome = await locking.LockAsync(new StageLockRequest(id, body.Stage, until, body.Reason, byUser), context.RequestAborted);
        if (!outcome.LeadFound)
        {
            return NotFound("No lead has this id.");
        }

        if (outcome.Lock is { } held)
        {
            return Results.Json(new LockResponse(LockOf(held)));
        }

        var errors = outcome.Errors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }, StringComparer.Ordinal);
        if (badDate)
        {
            errors["until"] = [StageLockExpiry.BadDate];
        }

        return Results.ValidationProblem(errors, "The stage lock was not set.");
    }

    private static async Task<IResult> Unlock(string id, ILeadStore leads, StageLocking locking, IUserService users, ClaimsPrincipal user, HttpContext context)
    {
        if (await leads.FindAsync(id, context.RequestAborted) is null)
        {
            return NotFound("No lead has this id.");
        }

        return await locking.UnlockAsync(id, await BackOfficePolicies.NameOfAsync(user, users), context.RequestAborted)
            ? Results.NoContent()
            : NotFound("The lead has no stage lock to remove.");
    }

    private static async Task<IResult> Export(string id, ILeadStore leads, IUserService users, TimeProvider time, ClaimsPrincipal user, HttpContext context)
    {
        if (await leads.RecordAsync(id, context.RequestAborted) is not { } record)
        {
            return NotFound("No lead has this id.");
        }

        var export = await LeadExport.CreateAsync(leads, record, await BackOfficePolicies.NameOfAsync(user, users), time.GetUtcNow(), context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(export, "application/json", LeadExport.FileName(id));
    }

    private static async Task<IResult> Erase(string id, EraseBody? body, ILeadStore leads, LeadEraser eraser, IUserService users, ClaimsPrincipal user, HttpContext context)
    {
        if (body?.Confirm is not true)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["confirm"] = ["Leads.EraseUnconfirmed"] }, "Erasing a lead needs {\"confirm\": true}.");
        }

        if (await leads.FindAsync(id, context.RequestAborted) is null)
        {
            return NotFound("No lead has this id.");
        }

        await eraser.EraseAsync(id, await BackOfficePolicies.NameOfAsync(user, users), "erase", context.RequestAborted);
        return Results.NoContent();
    }

    private static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static LeadSummaryDto Summary(Lead lead) =>
        new(lead.Id, lead.Email, lead.DisplayName, lead.Profile.Company, lead.Stage, lead.DeclaredStage, lead.Language, lead.CreatedAt, lead.LastActivityAt, lead.IsErased);

    private static LockDto LockOf(StageLock held) => new(held.Stage, held.Until, held.SetAt, held.SetBy, held.Reason);

    private static string SourceName(Inference.StageSource source) => source switch
    {
        Inference.StageSource.Inferred => "inferred",
        Inference.StageSource.Explicit => "explicit",
        Inference.StageSource.Locked => "locked",
        _ => "none",
    };

    // The use case names fields as C# does (Stage, Until); JSON clients read camelCase.
    private static string JsonName(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];

    /// <summary>The body of <c>PUT /leads/{id}/stage-lock</c>: a stage, and either a number of days or the last day (<c>yyyy-MM-dd</c>, UTC).</summary>
    public sealed record StageLockBody(string? Stage, int? Days, string? Until, string? Reason);

    /// <summary>The body of <c>POST /leads/{id}/erase</c>.</summary>
    public sealed record EraseBody(bool? Confirm);

    internal sealed record MeResponse(bool Editor, bool Reports, bool Leads, bool Privacy);

    internal sealed record LeadListResponse(int Total, int Page, int PageSize, IReadOnlyList<LeadSummaryDto> Leads);

    internal sealed record LeadSummaryDto(
        string Id, string? Email, string? Name, string? Company, string? Stage, string? DeclaredStage, string Language, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, bool Erased);

    internal sealed record LeadDto(
        string Id, string? Email, string? Name, string? Company, string? Stage, string? DeclaredStage, string Language, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, bool Erased,
        string? FirstName, string? LastName, string? JobTitle, string? CompanySize, string? Country, string? Phone, string? MemberKey, DateTimeOffset? EmailConfirmedAt, DateTimeOffset? ErasedAt,
        SourceDto Source);

    internal sealed record SourceDto(string? UtmSource, string? UtmMedium, string? UtmCampaign, string? UtmTerm, string? UtmContent, string? Referrer, string? LandingPage);

    internal sealed record LeadResponse(
        LeadDto Lead, EstimateDto? Estimate, LockDto? Lock, IReadOnlyList<AuditDto> LockHistory, IReadOnlyList<TimelineDto> Timeline,
        IReadOnlyList<ConsentDto> Consents, IReadOnlyList<DownloadDto> Downloads, IReadOnlyList<StageDto> Stages);

    internal sealed record EstimateDto(string? Stage, string Source, double Confidence, IReadOnlyList<ProbabilityDto> Probabilities, IReadOnlyList<ShiftDto> Explanation);

    internal sealed record ProbabilityDto(string Stage, double Probability);

    internal sealed record ShiftDto(DateTimeOffset At, string Type, string? ContentId, string? ContentTitle, string Stage, double Change);

    internal sealed record LockDto(string Stage, DateTimeOffset Until, DateTimeOffset SetAt, string SetBy, string? Reason);

    internal sealed record LockResponse(LockDto Lock);

    internal sealed record AuditDto(DateTimeOffset At, string Action, string ByUser, string? Detail, string? Stage, DateTimeOffset? Until, string? Reason)
    {
        // The stage, end and reason read from the detail, so the dashboard says them in words.
        public static AuditDto Of(PrivacyAuditEntry entry) =>
            StageLock.ReadAuditDetail(entry.Detail) is { } d
                ? new(entry.At, entry.Action, entry.ByUser, entry.Detail, d.Stage, d.Until, d.Reason)
                : new(entry.At, entry.Action, entry.ByUser, entry.Detail, null, null, null);
    }

    internal sealed record TimelineDto(DateTimeOffset At, string Kind, string? Stage, string? FromStage, string? Reason, string? ContentId, string? ContentTitle, string? DeclaredStage);

    internal sealed record ConsentDto(string Text, string Version, DateTimeOffset GivenAt, string? ContentId);

    internal sealed record DownloadDto(string ContentId, string? ContentTitle, DateTimeOffset RequestedAt, DateTimeOffset? DownloadedAt, int Downloads);

    internal sealed record StageDto(string Key, string Color, IReadOnlyDictionary<string, string> Label);
}
