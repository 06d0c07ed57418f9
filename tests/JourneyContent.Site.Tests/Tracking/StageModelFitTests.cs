using System.Net;
using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Editing;
using JourneyContent.Testing;
using JourneyContent.Tracking;
using JourneyContent.Web.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Site.Tests.Tracking;

/// <summary>Fitting the stage model on the site's stored history: the back office's "fit now", and the re-fit schedule.</summary>
public sealed class StageModelFitTests
{
    private const string TrackingPage = "/journey/admin/tracking";

    [Fact]
    public async Task An_admin_fits_the_stage_model_on_the_stored_history_and_it_is_put_in_force()
    {
        using var site = new DemoSite();
        var stored = await StoreHistoryAsync(site, visitors: 80);
        using var admin = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Admin);
        Assert.Contains("Documented priors (not fitted yet)", await admin.Http.GetStringAsync(new Uri(TrackingPage, UriKind.Relative)), StringComparison.Ordinal);

        var token = await admin.TokenFromAsync(TrackingPage);
        using var fit = await admin.PostAsync("/journey/admin/tracking/fit", token, []);
        var notice = await admin.Http.GetStringAsync(new Uri(TrackingPage, UriKind.Relative));
        await FinishedAsync(site);
        var page = await admin.Http.GetStringAsync(new Uri(TrackingPage, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, fit.StatusCode);
        Assert.Contains("The fit has started. It runs in the background", notice, StringComparison.Ordinal);
        Assert.Contains($"Fitted on {stored:N0} events of 80 visitors and put in force", page, StringComparison.Ordinal);
        Assert.Contains("Fitted on this site&#x27;s history", page, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(site.DataPath, "models"), "*.json"));
        Assert.Contains(Path.GetFileName(file), page, StringComparison.Ordinal);
        Assert.True(site.Services.GetRequiredService<StageInferenceEngine>().Model.Latent.Catalogue.ItemCount > 0);
    }

    [Fact]
    public async Task With_too_little_history_the_priors_stay_and_the_admin_is_told()
    {
        using var site = new DemoSite();
        await StoreHistoryAsync(site, visitors: 3);
        using var admin = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Admin);

        var token = await admin.TokenFromAsync(TrackingPage);
        (await admin.PostAsync("/journey/admin/tracking/fit", token, [])).Dispose();
        await FinishedAsync(site);
        var page = await admin.Http.GetStringAsync(new Uri(TrackingPage, UriKind.Relative));

        Assert.Contains("Not fitted: 27 events are too little history", page, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.DataPath, "models")) && Directory.GetFiles(Path.Combine(site.DataPath, "models")).Length > 0);
        Assert.Equal(0, site.Services.GetRequiredService<StageInferenceEngine>().Model.Latent.Catalogue.ItemCount);
    }

    [Fact]
    public async Task Fitting_needs_an_admin_and_an_antiforgery_token()
    {
        using var site = new DemoSite();
        await StoreHistoryAsync(site, visitors: 80);
        using var admin = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Admin);
        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);

        using var withoutToken = await admin.PostAsync("/journey/admin/tracking/fit", null, []);
        using var asMarketer = await marketer.PostAsync("/journey/admin/tracking/fit", await admin.TokenFromAsync(TrackingPage), []);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asMarketer.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(site.DataPath, "models")) && Directory.GetFiles(Path.Combine(site.DataPath, "models")).Length > 0);
    }

    [Fact]
    public async Task The_refit_schedule_fits_one_interval_after_start_and_not_before()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var site = new DemoSite().With("JourneyContent:Inference:Refit:Interval", "06:00:00").WithTime(time);
        await StoreHistoryAsync(site, visitors: 80);
        var schedule = site.Services.GetServices<IHostedService>().OfType<StageModelRefitSchedule>().Single();
        var ran = new TaskCompletionSource<StageModelTrainingResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        schedule.Ran += result => ran.TrySetResult(result);

        time.Advance(TimeSpan.FromHours(5));
        Assert.False(ran.Task.IsCompleted);
        time.Advance(TimeSpan.FromHours(1));
        var result = await ran.Task.WaitAsync(DemoSite.HangGuard);

        Assert.True(result.Fitted, result.Report?.Reason);
        Assert.True(File.Exists(result.SavedTo));
        Assert.True(site.Services.GetRequiredService<StageInferenceEngine>().Model.Latent.Catalogue.ItemCount > 0);
    }

    [Fact]
    public void A_refit_interval_under_an_hour_stops_the_site_with_the_key_named()
    {
        using var site = new DemoSite().With("JourneyContent:Inference:Refit:Interval", "00:05:00");

        var error = Record.Exception(() => site.Services.GetRequiredService<StageInferenceEngine>());

        Assert.NotNull(error);
        Assert.Contains("JourneyContent:Inference:Refit:Interval", error.ToString(), StringComparison.Ordinal);
    }

    // The fit runs in the background: wait on its task, never on the clock.
    private static async Task FinishedAsync(DemoSite site)
    {
        var training = site.Services.GetRequiredService<StageModelTraining>();
        if (training.Running is { } running)
        {
            await running.WaitAsync(DemoSite.HangGuard);
        }

        Assert.NotNull(training.Latest);
    }

    // Per visitor, three sessions a day apart of three reads each, of content tagged with a stage that moves forward.
    private static async Task<long> StoreHistoryAsync(DemoSite site, int visitors)
    {
        var stages = new[] { "awareness", "consideration", "decision", "loyalty", "advocacy" };
        var byStage = stages.Select(s => site.Content.Items.Where(i => i.Stage == s && i.Language == "en").Select(i => i.Id).ToList()).ToList();
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var events = new List<JourneyEvent>();
        for (var v = 0; v < visitors; v++)
        {
            var visitor = $"fit-visitor-{v:D4}";
            for (var session = 0; session < 3; session++)
            {
                var stage = Math.Min((v % 3) + session, stages.Length - 1);
                for (var read = 0; read < 3; read++)
                {
                    var items = byStage[stage];
                    events.Add(new JourneyEvent(visitor, start.AddDays(session).AddMinutes(read * 2), JourneyEventType.View, items[(v + read) % items.Count]));
                }
            }
        }

        await site.Services.GetRequiredService<IJourneyStore>().AppendAsync(events, [], CancellationToken.None);
        return events.Count;
    }
}
