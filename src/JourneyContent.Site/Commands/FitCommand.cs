using System.Globalization;
using System.Text;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Tracking;

namespace JourneyContent.Site.Commands;

/// <summary>
/// <c>fit [--events events.csv [--catalog catalog.csv]] [--out model.json]</c>: learns the latent-stage model from the
/// stored history (by default) or from a history of the kind <c>replay</c> reads, prints what it learned and saves a model
/// file (by default the newest in the data folder's <c>models/</c>, which the site loads at start).
/// </summary>
/// <remarks>Bad rows are reported and skipped as in replay. With too little history the command says so, keeps the
/// priors and writes no file. The work is <see cref="StageModelTraining"/>'s, which the back office and the re-fit
/// schedule also use.</remarks>
internal static class FitCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var eventsPath = ReplayCommand.Option(args, "--events");
        var catalogPath = ReplayCommand.Option(args, "--catalog");
        var outPath = ReplayCommand.Option(args, "--out");
        if (catalogPath is not null && eventsPath is null)
        {
            await errors.WriteLineAsync("Usage: dotnet run --project src/JourneyContent.Site -- fit [--events events.csv [--catalog catalog.csv]] [--out model.json]");
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

        var training = services.GetRequiredService<StageModelTraining>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        void Log(string line) => output.WriteLine(line);
        StageModelTrainingResult result;
        var problems = new ReplayCommand.ProblemLog(errors);
        if (eventsPath is null)
        {
            await services.GetRequiredService<JourneyContent.Health.IStoreMigrator>().MigrateAsync();
            result = await training.FitStoredHistoryAsync(Log, CancellationToken.None, outPath);
        }
        else
        {
            var stages = services.GetRequiredService<StageInferenceEngine>().Model.Stages;
            IReadOnlyList<ContentItem>? catalog = catalogPath is null ? null : [.. ReplayCommand.ReadCatalog(catalogPath, stages, problems)];
            result = await training.FitAsync(index => ReplayCommand.ReadEvents(eventsPath, index, problems), catalog, outPath, Log, CancellationToken.None);
            problems.Summarise();
        }

        if (result.Refusal == StageModelTrainingRefusal.NoDataFolder)
        {
            await errors.WriteLineAsync("No data folder is configured: give --out model.json.");
            return 2;
        }

        var history = result.History!;
        var report = result.Report!;
        await output.WriteLineAsync(Invariant($"Read {history.Events:N0} events of {history.Visitors.Count:N0} visitors ({history.UnknownContent:N0} on unknown content and {history.UnknownStages:N0} declaring unknown stages skipped); {problems.Count:N0} rows skipped; fitted in {started.Elapsed.TotalSeconds:0.0} s."));
        if (report.UsedPriors)
        {
            await output.WriteLineAsync($"Not fitted: {report.Reason}. The priors stay in force; no model file written.");
            return 0;
        }

        await output.WriteAsync(Describe(report));
        await output.WriteLineAsync($"Wrote {result.SavedTo}.");
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
