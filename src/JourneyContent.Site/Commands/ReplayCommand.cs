using System.Globalization;
using System.Text;
using JourneyContent.Reports.Export;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Site.Commands;

/// <summary>
/// <c>replay --events events.csv [--catalog catalog.csv] [--model model.json] --out stages.csv</c>: runs the stage engine
/// (with the latent-stage model in force, or the model file given) over a history
/// and writes each visitor's state after their last event. Bad rows are reported with their line number and skipped.
/// </summary>
/// <remarks>
/// The events file is read as a stream and must be ordered by time within each visitor (the order analytics
/// exports use). Without <c>--catalog</c>, the site's own content is the catalogue; slugs and <c>lang/slug</c> ids both match.
/// </remarks>
internal static class ReplayCommand
{
    private const int MaxReportedProblems = 50;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var eventsPath = Option(args, "--events");
        var outPath = Option(args, "--out");
        var catalogPath = Option(args, "--catalog");
        if (eventsPath is null || outPath is null)
        {
            await errors.WriteLineAsync("Usage: dotnet run --project src/JourneyContent.Site -- replay --events events.csv [--catalog catalog.csv] [--model model.json] --out stages.csv");
            return 2;
        }

        var stages = services.GetRequiredService<StageModel>();
        var problems = new ProblemLog(errors);
        IEnumerable<ContentItem> catalog;
        if (catalogPath is null)
        {
            catalog = services.GetRequiredService<IContentSource>().Current.Items;
        }
        else if (!File.Exists(catalogPath))
        {
            await errors.WriteLineAsync($"{catalogPath}: file not found.");
            return 2;
        }
        else
        {
            catalog = ReadCatalog(catalogPath, stages, problems);
        }

        if (!File.Exists(eventsPath))
        {
            await errors.WriteLineAsync($"{eventsPath}: file not found.");
            return 2;
        }

        // The site's configured weights and its model in force, or the model file given: re-scoring history is what replay is for.
        var engine = services.GetRequiredService<StageInferenceEngine>();
        var modelPath = Option(args, "--model");
        if (modelPath is not null)
        {
            try
            {
                engine = new StageInferenceEngine(engine.Model.WithLatent(LatentModelFile.Load(modelPath, engine.Model.CatalogueOf(catalog))));
            }
            catch (LatentModelFileException ex)
            {
                await errors.WriteLineAsync(ex.Message);
                return 2;
            }
        }

        var index = ContentSignalIndex.Create(engine.Model, catalog);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = new JourneyReplayer(engine, index).Replay(ReadEvents(eventsPath, index, problems));

        await using (var writer = new StreamWriter(outPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            // Visitor ids come from the input file: the shared writer quotes and neutralises them like any export cell.
            await writer.WriteAsync(CsvTable.Record(["visitor_id", "stage", "confidence"]));
            foreach (var visitor in result.Visitors.OrderBy(v => v.VisitorId, StringComparer.Ordinal))
            {
                await writer.WriteAsync(CsvTable.Record([visitor.VisitorId, visitor.Stage?.Key, visitor.Confidence]));
            }
        }

        problems.Summarise();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Replayed {result.EventCount:N0} events of {result.Visitors.Count:N0} visitors in {started.Elapsed.TotalSeconds:0.0} s; {problems.Count:N0} rows skipped; wrote {outPath}."));
        return 0;
    }

    internal static IEnumerable<ContentItem> ReadCatalog(string path, StageModel stages, ProblemLog problems)
    {
        var items = new List<ContentItem>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Split(line);
            if (fields.Length != 3 || fields[0].Length == 0)
            {
                problems.Add(path, lineNumber, "expected slug,stage,kind");
            }
            else if (stages.FindStage(fields[1]) is null)
            {
                problems.Add(path, lineNumber, $"unknown stage '{fields[1]}'");
            }
            else
            {
                items.Add(new ContentItem { Id = fields[0], Slug = fields[0], Language = "en", Title = fields[0], Kind = fields[2], Url = "/" + fields[0], Stage = fields[1] });
            }
        }

        return items;
    }

    internal static IEnumerable<JourneyEvent> ReadEvents(string path, ContentSignalIndex index, ProblemLog problems)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Split(line);
            if (fields.Length != 4)
            {
                problems.Add(path, lineNumber, "expected visitor_id,timestamp,event_type,content_slug");
                continue;
            }

            if (fields[0].Length == 0)
            {
                problems.Add(path, lineNumber, "visitor_id is empty");
                continue;
            }

            if (!DateTimeOffset.TryParse(fields[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                problems.Add(path, lineNumber, $"timestamp '{fields[1]}' is not ISO 8601");
                continue;
            }

            if (!JourneyEventTypes.TryParse(fields[2], out var type) || type.IsExplicitSignal())
            {
                problems.Add(path, lineNumber, $"event_type '{fields[2]}' is not one of view, engaged, cta_click, download, form_submit");
                continue;
            }

            if (!index.TryFind(fields[3], out _))
            {
                problems.Add(path, lineNumber, $"unknown content '{fields[3]}'");
                continue;
            }

            yield return new JourneyEvent(fields[0], at, type, fields[3]);
        }
    }

    private static string[] Split(string line) =>
        line.Split(',').Select(f => f.Trim().Trim('"')).ToArray();

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Reports the first problems in full and counts the rest, so a bad export cannot flood the console.</summary>
    internal sealed class ProblemLog(TextWriter errors)
    {
        public int Count { get; private set; }

        public void Add(string file, int line, string message)
        {
            Count++;
            if (Count <= MaxReportedProblems)
            {
                errors.WriteLine($"{Path.GetFileName(file)}:{line}: {message}; row skipped.");
            }
        }

        public void Summarise()
        {
            if (Count > MaxReportedProblems)
            {
                errors.WriteLine($"… and {Count - MaxReportedProblems:N0} more rows skipped.");
            }
        }
    }
}
