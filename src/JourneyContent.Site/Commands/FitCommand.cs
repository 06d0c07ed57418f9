using System.Globalization;
using System.Text;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Tracking;

namespace JourneyContent.Site.Commands;

/// <summary>
/// <c>fit --events events.csv [--catalog catalog.csv] [--out model.json]</c>: learns the latent-stage model from a history
/// of the kind <c>replay</c> reads, prints what it learned and saves a model file (by default the newest in the data
/// folder's <c>models/</c>, which the site loads at start).
/// </summary>
/// <remarks>Bad rows are reported and skipped as in replay. With too little history the command says so, keeps the
/// priors and writes no file.</remarks>
internal static class FitCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var eventsPath = ReplayCommand.Option(args, "--events");
        var catalogPath = ReplayCommand.Option(args, "--catalog");
        var outPath = ReplayCommand.Option(args, "--out");
        if (eventsPath is null)
        {
            await errors.WriteLineAsync("Usage: dotnet run --project src/JourneyContent.Site -- fit --events events.csv [--catalog catalog.csv] [--out model.json]");
            return 2;
        }

        foreach (var input in new[] { eventsPath, catalogPath })
        {
            if (input is not null && !File.Exists(input))
            {
                await errors.WriteLineAsync($"{input}: file not found.");
                return 2;
            }
        }

        var model = services.GetRequiredService<StageInferenceEngine>().Model;
        var problems = new ReplayCommand.ProblemLog(errors);
        var catalog = catalogPath is null
            ? services.GetRequiredService<IContentSource>().Current.Items
            : [.. ReplayCommand.ReadCatalog(catalogPath, model.Stages, problems)];
        var catalogue = model.CatalogueOf(catalog);
        var index = ContentSignalIndex.Create(model, catalog);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var history = LatentHistory.Read(ReplayCommand.ReadEvents(eventsPath, index, problems), model, index, catalogue);
        problems.Summarise();
        var priors = new LatentStagePriors(catalogue, model.TrialStage?.Order ?? -1, model.CustomerStage?.Order ?? -1);
        var report = LatentStageFitter.Fit(priors, () => history.Visitors, log: line => output.WriteLine(line));
        await output.WriteLineAsync(Invariant($"Read {history.Events:N0} events of {history.Visitors.Count:N0} visitors; {problems.Count:N0} rows skipped; fitted in {started.Elapsed.TotalSeconds:0.0} s."));
        if (report.UsedPriors)
        {
            await output.WriteLineAsync($"Not fitted: {report.Reason}. No model file written.");
            return 0;
        }

        await output.WriteAsync(Describe(report));
        var path = outPath ?? (services.GetService<DataFolder>() is { } folder ? LatentModelFile.NewPath(folder, services.GetRequiredService<TimeProvider>().GetUtcNow()) : null);
        if (path is null)
        {
            await errors.WriteLineAsync("No data folder is configured: give --out model.json.");
            return 2;
        }

        LatentModelFile.Save(report.Model, path, services.GetRequiredService<TimeProvider>().GetUtcNow());
        await output.WriteLineAsync($"Wrote {path}.");
        return 0;
    }

    /// <summary>The learned matrices and the held-out figures, as text.</summary>
    internal static string Describe(LatentFitReport report)
    {
        var m = report.Model;
        var stages = m.Catalogue.StageKeys;
        var k = stages.Count;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Session gap: {m.SessionGap} (held-out log-likelihood per event by gap: {string.Join(", ", report.Gaps.Select(g => Invariant($"{g.Gap} {g.HeldOutLogLikelihood:F4}")))})"));
        text.AppendLine(Invariant($"Held-out log-likelihood per event: priors {report.HeldOutPriorLogLikelihood:F4}, fitted {report.HeldOutLogLikelihood:F4}"));
        text.AppendLine("Start: " + string.Join("  ", stages.Select((s, i) => Invariant($"{s} {m.Start[i]:F3}"))));
        for (var band = 0; band < LatentStageModel.BandCount; band++)
        {
            var pause = band < LatentStageModel.GapBands.Count
                ? Invariant($"up to {LatentStageModel.GapBands[band].TotalDays:0} days")
                : Invariant($"over {LatentStageModel.GapBands[^1].TotalDays:0} days");
            text.AppendLine(Invariant($"Transitions between sessions after a pause {pause} (row = from):"));
            text.AppendLine("  " + string.Join(" ", stages.Select(s => s.PadLeft(14))));
            for (var from = 0; from < k; from++)
            {
                text.AppendLine(stages[from].PadRight(14) + string.Join(" ", Enumerable.Range(0, k).Select(to => Invariant($"{m.Transition[(((band * k) + from) * k) + to],14:F3}"))));
            }
        }

        var types = JourneyEventTypes.All.Where(t => t is not JourneyEventType.DeclaredStage and not JourneyEventType.CtaImpression).ToList();
        text.AppendLine("Event types by stage, P(type | stage):");
        text.AppendLine("  " + string.Join(" ", types.Select(t => t.Key().PadLeft(12))));
        for (var s = 0; s < k; s++)
        {
            text.AppendLine(stages[s].PadRight(14) + string.Join(" ", types.Select(t => Invariant($"{m.TypeEmission[(s * JourneyEventTypes.Count) + (int)t],12:F4}"))));
        }

        text.AppendLine("Views by stage, P(tagged stage of the item | stage):");
        var reading = m.ViewsByTag();
        for (var s = 0; s < k; s++)
        {
            text.AppendLine(stages[s].PadRight(14) + string.Join(" ", Enumerable.Range(0, k + 1).Select(t => Invariant($"{reading[(s * (k + 1)) + t],12:F3}"))) + "   (last column: untagged)");
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
