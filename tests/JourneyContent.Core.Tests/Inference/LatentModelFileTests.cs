using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Simulation;
using JourneyContent.Tracking;

namespace JourneyContent.Core.Tests.Inference;

/// <summary>Saving, loading and refusing latent-stage model files.</summary>
public sealed class LatentModelFileTests : IDisposable
{
    private readonly DataFolder _folder = new(Directory.CreateTempSubdirectory("jc-model-").FullName);
    private readonly GeneratingModel _generator = GeneratorSuite.All[0];

    public void Dispose() => Directory.Delete(_folder.Path, recursive: true);

    private LatentStageModel Fitted()
    {
        var train = _generator.Generate(300, 8);
        return LatentStageFitter.Fit(new LatentStagePriors(_generator.Catalogue, 3, 4), () => train.Select(v => v.Events)).Model;
    }

    [Fact]
    public void A_saved_model_loads_back_and_filters_exactly_the_same()
    {
        var model = Fitted();
        var path = LatentModelFile.NewPath(_folder, new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero));
        LatentModelFile.Save(model, path, DateTimeOffset.UnixEpoch);

        var loaded = LatentModelFile.Load(path, _generator.Catalogue);

        Assert.Equal(model.SessionGap, loaded.SessionGap);
        Assert.Equal(_generator.Catalogue.Fingerprint, loaded.Catalogue.Fingerprint);
        var (a, b) = (model.NewBelief(), loaded.NewBelief());
        foreach (var e in _generator.Generate(5, 1).SelectMany(v => v.Events))
        {
            Assert.Equal(model.Apply(a, e), loaded.Apply(b, e));
            Assert.Equal(Enumerable.Range(0, 5).Select(a.Probability), Enumerable.Range(0, 5).Select(b.Probability));
        }

        Assert.Equal(path, LatentModelFile.Newest(_folder));
    }

    [Fact]
    public void The_newest_file_by_name_is_the_one_in_force()
    {
        var model = Fitted();
        var older = LatentModelFile.NewPath(_folder, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var newer = LatentModelFile.NewPath(_folder, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        LatentModelFile.Save(model, newer, DateTimeOffset.UnixEpoch);
        LatentModelFile.Save(model, older, DateTimeOffset.UnixEpoch);

        Assert.Equal(newer, LatentModelFile.Newest(_folder));
        Assert.Null(LatentModelFile.Newest(new DataFolder(Path.Combine(_folder.Path, "none"))));
    }

    [Fact]
    public void A_corrupt_edited_or_foreign_file_is_refused_with_the_file_and_the_reason()
    {
        var path = LatentModelFile.NewPath(_folder, DateTimeOffset.UnixEpoch);
        LatentModelFile.Save(Fitted(), path, DateTimeOffset.UnixEpoch);
        var json = File.ReadAllText(path);

        File.WriteAllText(path, json[..(json.Length / 2)]);
        var corrupt = Assert.Throws<LatentModelFileException>(() => LatentModelFile.Load(path, _generator.Catalogue));
        Assert.StartsWith(path + ": cannot be read", corrupt.Message, StringComparison.Ordinal);

        File.WriteAllText(path, json.Replace("s0/item-0", "s0/item-X", StringComparison.Ordinal));
        Assert.Contains("fingerprint", Assert.Throws<LatentModelFileException>(() => LatentModelFile.Load(path, _generator.Catalogue)).Message, StringComparison.Ordinal);

        File.WriteAllText(path, json);
        var otherStages = GeneratorSuite.All.Single(g => g.Name == "three-stage").Catalogue;
        Assert.Contains("was made for the stages", Assert.Throws<LatentModelFileException>(() => LatentModelFile.Load(path, otherStages)).Message, StringComparison.Ordinal);

        var otherContent = new LatentCatalogue(_generator.Catalogue.StageKeys, _generator.Catalogue.KindKeys, [("elsewhere", 0, 0)]);
        Assert.Contains("another catalogue", Assert.Throws<LatentModelFileException>(() => LatentModelFile.Load(path, otherContent)).Message, StringComparison.Ordinal);

        File.WriteAllText(path, json.Replace("\"version\":1", "\"version\":9", StringComparison.Ordinal));
        Assert.Contains("version 9", Assert.Throws<LatentModelFileException>(() => LatentModelFile.Load(path, _generator.Catalogue)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_of_unknown_content_or_stages_are_skipped_and_counted_when_reading_a_history()
    {
        var model = CompiledInferenceModel.Default;
        ContentItem[] items = [InferenceKit.Item("en/a", "blog-post"), InferenceKit.Item("en/p", "pricing")];
        var index = ContentSignalIndex.Create(model, items);
        var t = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        JourneyEvent[] events =
        [
            new("v", t.AddMinutes(1), JourneyEventType.View, "en/p"),
            new("v", t, JourneyEventType.View, "en/a"),
            new("v", t.AddMinutes(2), JourneyEventType.View, "en/none"),
            new("w", t, JourneyEventType.DeclaredStage, null, "nirvana"),
            new("w", t, JourneyEventType.DeclaredStage, null, "decision"),
        ];

        var history = LatentHistory.Read(events, model, index, model.CatalogueOf(items));

        Assert.Equal((3L, 1L, 1L), (history.Events, history.UnknownContent, history.UnknownStages));
        Assert.Equal([t.UtcTicks, t.AddMinutes(1).UtcTicks], history.Visitors[0].Select(o => o.Ticks));
        Assert.Equal(2, history.Visitors[1][0].Declared);
    }
}
