using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyContent.Inference;

/// <summary>A model file was refused; the message names the file and the reason, and the model in force stays.</summary>
public sealed class LatentModelFileException(string path, string reason, Exception? inner = null)
    : Exception($"{path}: {reason}; the model in force is kept.", inner)
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>Why it was refused.</summary>
    public string Reason { get; } = reason;
}

/// <summary>Saves and loads fitted latent-stage models as versioned JSON files in the data folder.</summary>
/// <remarks>
/// <para>Files are <c>models/latent-stage-{UTC yyyyMMddHHmmssfff}.json</c> in the <see cref="DataFolder"/>; the site uses
/// the newest (by name). A file holds its format name and version, the stage and kind keys, its catalogue (item ids,
/// tags, kinds) with the catalogue's fingerprint, the session gap, the switch margin and every parameter table.</para>
/// <para>Loading refuses, with a <see cref="LatentModelFileException"/>: a file that is not valid JSON of this format and
/// version (corrupt); one whose fingerprint does not match its own catalogue (edited or truncated); one made for other
/// stages or content kinds than the site's; and one made for another catalogue, which is when fewer than half of its
/// items are still in the site's content. Items added since the fit count by their (tag, kind) group, and an item
/// retagged since counts by its new group.</para>
/// </remarks>
public static class LatentModelFile
{
    /// <summary>The format name written in every file.</summary>
    public const string Format = "journeycontent-latent-stage-model";

    /// <summary>The version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The folder of model files inside the data folder.</summary>
    public const string FolderName = "models";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The path of a new model file in <paramref name="folder"/> for a fit finished at <paramref name="at"/>.</summary>
    public static string NewPath(DataFolder folder, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.Combine(FolderName, "latent-stage-" + at.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + ".json");
    }

    /// <summary>The newest model file in <paramref name="folder"/>, or null when there is none.</summary>
    public static string? Newest(DataFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var dir = folder.Combine(FolderName);
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "latent-stage-*.json").OrderByDescending(f => System.IO.Path.GetFileName(f), StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (through a temporary file, so a reader never sees half a file).</summary>
    public static void Save(LatentStageModel model, string path, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var c = model.Catalogue;
        var data = new FileData
        {
            Format = Format,
            Version = Version,
            CreatedAt = createdAt,
            Stages = [.. c.StageKeys],
            Kinds = [.. c.KindKeys],
            Items = [.. Enumerable.Range(0, c.ItemCount).Select(i => new ItemData(c.ItemIds[i], c.ItemStage[i], c.ItemGroup[i] % c.KindKeys.Count))],
            Fingerprint = c.Fingerprint,
            SessionGapSeconds = model.SessionGap.TotalSeconds,
            SwitchMargin = model.SwitchMargin,
            DeclaredAccuracy = model.DeclaredAccuracy,
            Start = model.StartArray,
            Transition = model.TransitionArray,
            TypeEmission = model.TypeEmissionArray,
            GroupEmission = model.GroupEmissionArray,
            ItemInGroup = model.ItemInGroupArray,
        };
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(data, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a model file made for the site's stages, kinds and content.</summary>
    /// <param name="path">The file.</param>
    /// <param name="site">The site's catalogue (its stages, kinds and content).</param>
    /// <exception cref="LatentModelFileException">The file is refused; see the remarks.</exception>
    public static LatentStageModel Load(string path, LatentCatalogue site)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(site);
        FileData? data;
        try
        {
            data = JsonSerializer.Deserialize<FileData>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new LatentModelFileException(path, "cannot be read as a model file (" + ex.Message + ")", ex);
        }

        if (data is null || data.Format != Format)
        {
            throw new LatentModelFileException(path, $"is not a {Format} file");
        }

        if (data.Version != Version)
        {
            throw new LatentModelFileException(path, $"is version {data.Version}, this site reads version {Version}");
        }

        if (data.Stages is null || !data.Stages.SequenceEqual(site.StageKeys, StringComparer.OrdinalIgnoreCase))
        {
            throw new LatentModelFileException(path, $"was made for the stages ({string.Join(", ", data.Stages ?? [])}), the site has ({string.Join(", ", site.StageKeys)})");
        }

        if (data.Kinds is null || !data.Kinds.SequenceEqual(site.KindKeys, StringComparer.OrdinalIgnoreCase))
        {
            throw new LatentModelFileException(path, "was made for other content kinds than the site's");
        }

        LatentCatalogue catalogue;
        LatentStageModel model;
        try
        {
            catalogue = new LatentCatalogue(data.Stages, data.Kinds, [.. (data.Items ?? []).Select(i => (i.Id, i.Stage, i.Kind))]);
            if (catalogue.Fingerprint != data.Fingerprint)
            {
                throw new LatentModelFileException(path, "its catalogue does not match its fingerprint (the file was edited or is damaged)");
            }

            model = new LatentStageModel(
                catalogue,
                data.Start ?? [],
                data.Transition ?? [],
                data.TypeEmission ?? [],
                data.GroupEmission ?? [],
                data.ItemInGroup ?? [],
                TimeSpan.FromSeconds(data.SessionGapSeconds),
                data.SwitchMargin,
                data.DeclaredAccuracy);
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException)
        {
            throw new LatentModelFileException(path, "its parameters are invalid (" + ex.Message + ")", ex);
        }

        var known = Enumerable.Range(0, catalogue.ItemCount).Count(i => site.IndexOf(catalogue.IdAt(i)) >= 0);
        if (catalogue.ItemCount > 0 && known * 2 < catalogue.ItemCount)
        {
            throw new LatentModelFileException(path, $"was made for another catalogue: only {known} of its {catalogue.ItemCount} items are in the site's content");
        }

        return model;
    }

    private sealed record ItemData(string Id, int Stage, int Kind);

    private sealed class FileData
    {
        public string? Format { get; set; }

        public int Version { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public List<string>? Stages { get; set; }

        public List<string>? Kinds { get; set; }

        public List<ItemData>? Items { get; set; }

        public string? Fingerprint { get; set; }

        public double SessionGapSeconds { get; set; }

        public double SwitchMargin { get; set; }

        public double DeclaredAccuracy { get; set; }

        [JsonPropertyName("start")]
        public double[]? Start { get; set; }

        public double[]? Transition { get; set; }

        public double[]? TypeEmission { get; set; }

        public double[]? GroupEmission { get; set; }

        public double[]? ItemInGroup { get; set; }
    }
}
