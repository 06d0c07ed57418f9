using System.Security.Cryptography;
using System.Text;

namespace JourneyContent.Inference;

/// <summary>The content a latent-stage model knows, as dense indices: each item's editor-tagged stage and its kind.</summary>
/// <remarks>
/// <para>An item's <i>group</i> is the pair (tagged stage, kind); untagged items form their own group per kind. The model
/// learns how often each stage reads each group, and each item within its group once the item has data, so an item
/// without history behaves like its group and the group like the editors' tag.</para>
/// <para><see cref="Fingerprint"/> identifies the catalogue (stage keys, item ids, tags and kinds, in order): a model file made
/// for another catalogue is refused because its item indices would mean other items.</para>
/// </remarks>
public sealed class LatentCatalogue
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a catalogue.</summary>
    /// <param name="stageKeys">The funnel's stage keys, in order.</param>
    /// <param name="kindKeys">The content kinds' keys.</param>
    /// <param name="items">Each item: its id, its tagged stage index (-1 when untagged) and its kind index.</param>
    public LatentCatalogue(IReadOnlyList<string> stageKeys, IReadOnlyList<string> kindKeys, IReadOnlyList<(string Id, int Stage, int Kind)> items)
    {
        ArgumentNullException.ThrowIfNull(stageKeys);
        ArgumentNullException.ThrowIfNull(kindKeys);
        ArgumentNullException.ThrowIfNull(items);
        if (stageKeys.Count < 2)
        {
            throw new ArgumentException("A funnel has at least two stages.", nameof(stageKeys));
        }

        if (kindKeys.Count < 1)
        {
            throw new ArgumentException("At least one content kind is needed.", nameof(kindKeys));
        }

        StageKeys = [.. stageKeys];
        KindKeys = [.. kindKeys];
        ItemIds = new string[items.Count];
        ItemStage = new int[items.Count];
        ItemGroup = new int[items.Count];
        GroupSize = new int[GroupCount];
        _index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var (id, stage, kind) = items[i];
            ArgumentNullException.ThrowIfNull(id);
            if (stage < -1 || stage >= stageKeys.Count || kind < 0 || kind >= kindKeys.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(items), $"Item '{id}' has a stage or kind index out of range.");
            }

            if (!_index.TryAdd(id, i))
            {
                throw new ArgumentException($"Item '{id}' appears twice.", nameof(items));
            }

            ItemIds[i] = id;
            ItemStage[i] = stage;
            ItemGroup[i] = GroupOf(stage, kind);
            GroupSize[ItemGroup[i]]++;
        }

        Fingerprint = ComputeFingerprint();
    }

    /// <summary>The stage keys, in funnel order.</summary>
    public IReadOnlyList<string> StageKeys { get; }

    /// <summary>The kind keys.</summary>
    public IReadOnlyList<string> KindKeys { get; }

    /// <summary>The number of stages.</summary>
    public int StageCount => StageKeys.Count;

    /// <summary>The number of items.</summary>
    public int ItemCount => ItemIds.Length;

    /// <summary>The number of (tagged stage or none, kind) groups.</summary>
    public int GroupCount => (StageKeys.Count + 1) * KindKeys.Count;

    /// <summary>A hex SHA-256 of the stage keys and of every item's id, tag and kind, in order.</summary>
    public string Fingerprint { get; }

    internal string[] ItemIds { get; }

    internal int[] ItemStage { get; }

    internal int[] ItemGroup { get; }

    internal int[] GroupSize { get; }

    /// <summary>The index of the item with id <paramref name="id"/>, or -1 when it is not in the catalogue.</summary>
    public int IndexOf(string? id) => id is not null && _index.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The item's tagged stage index, or -1 when untagged.</summary>
    public int TaggedStage(int item) => ItemStage[item];

    /// <summary>The item's id.</summary>
    public string IdAt(int item) => ItemIds[item];

    internal int GroupOf(int stage, int kind) => ((stage + 1) * KindKeys.Count) + kind;

    // The stage a group is tagged with, or -1.
    internal int GroupStage(int group) => (group / KindKeys.Count) - 1;

    private string ComputeFingerprint()
    {
        var text = new StringBuilder();
        text.AppendJoin('|', StageKeys).Append('\n').AppendJoin('|', KindKeys).Append('\n');
        for (var i = 0; i < ItemIds.Length; i++)
        {
            text.Append(ItemIds[i]).Append('\t').Append(ItemGroup[i]).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
