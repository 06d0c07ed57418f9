using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Simulation;
using JourneyContent.Sqlite;
using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Site.Commands;

/// <summary>
/// <c>seed-demo --visitors N [--seed 7] [--lead-share 0.12] [--force]</c>: fills the database with synthetic journeys over
/// the site's own content, their stage transitions and a share of leads, so that a new site shows populated reports.
/// </summary>
/// <remarks>
/// <para>Events cover the last <see cref="WindowDays"/> days: visitors arrive over the window and their journeys are cut
/// at now, as a snapshot of a live site would be, then shifted so that the newest event is now.</para>
/// <para>Each run adds to earlier demo data (new visitor ids <c>demo-run-v…</c>, new emails); it never deletes. It refuses a
/// database holding data that is not demo data unless <c>--force</c> is given, since demo leads mixed into real ones
/// could not be told apart in reports.</para>
/// </remarks>
internal static class SeedDemoCommand
{
    private const string Usage = "Usage: dotnet run --project src/JourneyContent.Site -- seed-demo --visitors N [--seed 7] [--lead-share 0.12] [--force]";
    private const int WindowDays = 120;
    private const int MaxVisitors = 1_000_000;

    private static readonly string[] FirstNames = ["Alice", "Bruno", "Camille", "David", "Emma", "Farid", "Giulia", "Hugo", "Inès", "Jonas", "Karin", "Léa", "Marc", "Nadia", "Oscar", "Pauline", "Quentin", "Rosa", "Samir", "Tess"];
    private static readonly string[] LastNames = ["Martin", "Bernard", "Dubois", "Smith", "Moreau", "Laurent", "Garcia", "Jensen", "Rossi", "Nguyen", "Keller", "Fontaine"];
    private static readonly string[] Companies = ["Acme Logistics", "Blue Fjord", "Cobalt Studio", "Demo Foods", "Evergreen Labs", "Faro Consulting", "Granite Bank", "Helio Energy", "Iris Retail", "Juniper Health"];
    private static readonly string?[] UtmSources = ["newsletter", "linkedin", "google", "partner", null];

    private static readonly JourneyEventType[] FormEvents = [JourneyEventType.FormSubmit, JourneyEventType.Download, JourneyEventType.TrialSignUp, JourneyEventType.DemoRequest];

    /// <summary>The parsed options.</summary>
    private sealed record Options(int Visitors, int Seed, double LeadShare, bool Force);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (Parse(args, out var problem) is not { } options)
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        if (services.GetService<SqliteConnectionFactory>() is null)
        {
            // The demo's bulk writer is SQLite's; a shared PostgreSQL database holds real sites' data, not demos.
            await errors.WriteLineAsync("seed-demo writes to the embedded SQLite store only; this site uses another provider (JourneyContent:Storage:Provider). Run it on a site without that setting.");
            return 2;
        }

        var started = Stopwatch.StartNew();
        await services.GetRequiredService<SqliteMigrator>().MigrateAsync();
        var seeder = new SqliteDemoSeeder(services.GetRequiredService<SqliteConnectionFactory>());
        var found = await seeder.InspectAsync(CancellationToken.None);
        if (found.HoldsRealData && !options.Force)
        {
            await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"The database already holds {found.RealEvents:N0} events and {found.RealLeads:N0} leads that are not demo data; seed-demo refuses to mix demo journeys into them. Use an empty data folder, or pass --force to seed anyway."));
            return 1;
        }

        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var now = time.GetUtcNow();
        var model = services.GetRequiredService<StageModel>();
        var catalogue = services.GetRequiredService<IContentSource>().Current.Items.Where(i => !i.IsUntagged).ToList();
        var run = found.DemoSeedings + 1;
        IReadOnlyList<SyntheticJourney> journeys;
        try
        {
            journeys = Generate(model, catalogue, options, now, string.Create(CultureInfo.InvariantCulture, $"{SqliteDemoSeeder.VisitorPrefix}{run}-"));
        }
        catch (InvalidOperationException ex)
        {
            // The generator needs content for every stage; a site whose content does not cover the funnel cannot be seeded.
            await errors.WriteLineAsync($"Cannot generate demo journeys over this site's content: {ex.Message}");
            return 1;
        }

        var events = SyntheticJourneyGenerator.InTimeOrder(journeys);

        // The stage model is fitted on the demo history first, as the site's own fit would be, so that the stored stages and
        // the reports are the fitted model's; the model file is the newest in the data folder, so the site starts with it.
        var fit = await services.GetRequiredService<StageModelTraining>().FitAsync(_ => events, null, null, null, CancellationToken.None);
        var fitLine = fit.Fitted
            ? $"Fitted the stage model on the demo history ({fit.SavedTo})."
            : $"The stage model was not fitted ({fit.Report?.Reason ?? fit.Refusal.ToString()}); the priors stay in force.";

        // The site's own engine and settings, so that the demo stages are the ones the site would have inferred.
        var engine = services.GetRequiredService<StageInferenceEngine>();
        var transitions = new List<StoredTransition>();
        var result = new JourneyReplayer(engine, ContentSignalIndex.Create(engine.Model, catalogue)).Replay(
            events,
            t => transitions.Add(new StoredTransition(t.VisitorId, t.Transition.From?.Key, t.Transition.To.Key, t.Transition.At, t.Transition.ContentId, t.Transition.Reason.ToString())),
            now);

        var leads = ChooseLeads(journeys, result, transitions, catalogue, options, await seeder.NextDemoEmailNumberAsync(CancellationToken.None));
        var prepared = started.Elapsed;
        var counts = await seeder.WriteAsync(new DemoDataset(options.Visitors, events, transitions, leads), now, CancellationToken.None);
        var seconds = started.Elapsed.TotalSeconds;
        var writeSeconds = seconds - prepared.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded demo run {run}: {options.Visitors:N0} visitors, {counts.Events:N0} events, {counts.Transitions:N0} transitions, {counts.Leads:N0} leads over the last {WindowDays} days in {seconds:0.0} s ({prepared.TotalSeconds:0.0} s generating, fitting and replaying, {counts.Rows:N0} rows written in {writeSeconds:0.0} s, {counts.Rows / Math.Max(writeSeconds, 0.001):N0} rows/s). Runs add to earlier demo data; nothing is deleted."));
        await output.WriteLineAsync(fitLine);
        return 0;
    }

    private static Options? Parse(string[] args, out string problem)
    {
        int? visitors = null;
        var seed = 7;
        var leadShare = 0.12;
        var force = false;
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];

            // --Section:Key=value arguments are the host's configuration (data and content paths), not ours.
            if (arg.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (arg)
            {
                case "--force":
                    // The host reads "--force --Key=value" as the setting force=--Key=value, so that setting (the data
                    // path, say) would be lost and another database seeded: refuse rather than guess.
                    if (i + 1 < args.Length && args[i + 1].Contains('=', StringComparison.Ordinal))
                    {
                        problem = $"--force cannot come just before '{args[i + 1]}': the host would take that setting as the value of --force. Put --force last or before another option.";
                        return null;
                    }

                    force = true;
                    break;
                case "--visitors":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1 || v > MaxVisitors)
                    {
                        problem = string.Create(CultureInfo.InvariantCulture, $"--visitors takes a whole number from 1 to {MaxVisitors:N0}.");
                        return null;
                    }

                    visitors = v;
                    break;
                case "--seed":
                    if (!int.TryParse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
                    {
                        problem = "--seed takes a whole number.";
                        return null;
                    }

                    break;
                case "--lead-share":
                    if (!double.TryParse(Value(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out leadShare) || leadShare > 1)
                    {
                        problem = "--lead-share takes a number from 0 to 1, for example 0.12.";
                        return null;
                    }

                    break;
                default:
                    problem = $"Unknown argument '{arg}'.";
                    return null;
            }
        }

        if (visitors is null)
        {
            problem = "--visitors is required.";
            return null;
        }

        return new Options(visitors.Value, seed, leadShare, force);
    }

    /// <summary>Generates journeys over the window ending at <paramref name="now"/>, cut at now and shifted so the newest event is now.</summary>
    private static List<SyntheticJourney> Generate(StageModel model, IReadOnlyList<ContentItem> catalogue, Options options, DateTimeOffset now, string prefix)
    {
        var window = TimeSpan.FromDays(WindowDays);
        var generated = SyntheticJourneyGenerator.Generate(model, catalogue, new SyntheticJourneyOptions
        {
            Seed = options.Seed,
            VisitorCount = options.Visitors,
            Start = now - window,

            // Arrivals end a day before now so that every visitor has at least their first session.
            ArrivalWindow = window - TimeSpan.FromDays(1),
        });

        var newest = long.MinValue;
        foreach (var journey in generated)
        {
            foreach (var e in journey.Events)
            {
                if (e.Event.Timestamp <= now)
                {
                    newest = Math.Max(newest, e.Event.Timestamp.UtcTicks);
                }
            }
        }

        var shift = newest == long.MinValue ? TimeSpan.Zero : TimeSpan.FromTicks(now.UtcTicks - newest);
        var journeys = new List<SyntheticJourney>(generated.Count);
        foreach (var journey in generated)
        {
            var id = prefix + journey.VisitorId;
            var kept = new List<SyntheticEvent>(journey.Events.Count);
            foreach (var s in journey.Events)
            {
                // Later events have not happened yet: the journey is still going on.
                if (s.Event.Timestamp > now)
                {
                    break;
                }

                var e = s.Event;
                kept.Add(s with { Event = new JourneyEvent(id, e.Timestamp + shift, e.Type, e.Content, e.DeclaredStage) });
            }

            if (kept.Count > 0)
            {
                journeys.Add(new SyntheticJourney(id, kept));
            }
        }

        return journeys;
    }

    /// <summary>Turns a share of visitors into leads, preferring those who filled a form, as real leads all did.</summary>
    private static List<DemoLead> ChooseLeads(
        IReadOnlyList<SyntheticJourney> journeys, ReplayResult result, List<StoredTransition> transitions, IReadOnlyList<ContentItem> catalogue, Options options, int firstNumber)
    {
        var random = new Random(HashCode.Combine(options.Seed, 0x5eed));
        var count = (int)Math.Round(options.LeadShare * journeys.Count, MidpointRounding.AwayFromZero);
        var converted = journeys.Where(j => j.Events.Any(e => FormEvents.Contains(e.Event.Type))).ToArray();
        var others = journeys.Where(j => !j.Events.Any(e => FormEvents.Contains(e.Event.Type))).ToArray();
        random.Shuffle(converted);
        random.Shuffle(others);
        var chosen = converted.Concat(others).Take(count).ToList();

        var chosenIds = chosen.Select(j => j.VisitorId).ToHashSet(StringComparer.Ordinal);
        var history = new Dictionary<string, List<StoredTransition>>(StringComparer.Ordinal);
        foreach (var t in transitions)
        {
            if (chosenIds.Contains(t.VisitorId))
            {
                (history.TryGetValue(t.VisitorId, out var list) ? list : history[t.VisitorId] = []).Add(t);
            }
        }

        var stages = result.Visitors.ToDictionary(v => v.VisitorId, v => v.Stage?.Key, StringComparer.Ordinal);
        var items = catalogue.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var leads = new List<DemoLead>(chosen.Count);
        foreach (var journey in chosen)
        {
            var events = journey.Events.Select(e => e.Event).ToList();
            var form = events.FirstOrDefault(e => FormEvents.Contains(e.Type));
            var reads = events.Where(e => e.Type == JourneyEventType.View).ToList();
            var created = form.VisitorId is not null ? form : reads.Count > 0 ? reads[random.Next(reads.Count)] : events[0];
            var language = events
                .Where(e => e.Content is not null && items.ContainsKey(e.Content))
                .GroupBy(e => items[e.Content!].Language, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key)
                .FirstOrDefault() ?? "en";
            var downloads = events
                .Where(e => e.Type is JourneyEventType.Download or JourneyEventType.FormSubmit && e.Content is not null && items.TryGetValue(e.Content, out var item) && item.IsGated)
                .GroupBy(e => e.Content!, StringComparer.Ordinal)
                .Select(g => new DemoDownload(g.Key, g.First().Timestamp))
                .ToList();
            var landing = events.Select(e => e.Content).FirstOrDefault(c => c is not null && items.ContainsKey(c));
            var number = firstNumber + leads.Count;
            leads.Add(new DemoLead(
                Id: Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                Email: string.Create(CultureInfo.InvariantCulture, $"demo-{number}@example.com"),
                FirstName: FirstNames[random.Next(FirstNames.Length)],
                LastName: LastNames[random.Next(LastNames.Length)],
                Company: Companies[random.Next(Companies.Length)],
                Language: language,
                Stage: stages.GetValueOrDefault(journey.VisitorId),
                UtmSource: UtmSources[random.Next(UtmSources.Length)],
                LandingPage: landing is null ? null : items[landing].Url,
                CreatedAt: created.Timestamp,
                LastActivityAt: events[^1].Timestamp,
                VisitorId: journey.VisitorId,
                ConsentContentId: created.Content,
                Downloads: downloads,
                History: history.GetValueOrDefault(journey.VisitorId) ?? []));
        }

        return leads;
    }
}
