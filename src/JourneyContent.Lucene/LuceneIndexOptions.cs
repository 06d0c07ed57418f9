namespace JourneyContent.Lucene;

/// <summary>Where the content index lives and how many neighbours each item keeps; bound from <c>JourneyContent:Search</c> by hosts.</summary>
public sealed class LuceneIndexOptions
{
    /// <summary>The folder of the index (for example <c>App_Data/index</c>); created when missing. A relative path is taken from the current directory.</summary>
    public string IndexPath { get; set; } = string.Empty;

    /// <summary>The index's folder in the host's <see cref="DataFolder"/> when <see cref="IndexPath"/> is not set.</summary>
    public const string DefaultFolderName = "index";

    /// <summary>How many similar items (MoreLikeThis neighbours) are kept per item, from 1 to 100.</summary>
    public int SimilarItemsPerItem { get; set; } = 20;
}
