using JourneyContent.Content;
using Microsoft.AspNetCore.StaticFiles;

namespace JourneyContent.Web.Forms;

/// <summary>Where the files behind gated forms live: the content folder of the standalone site, Umbraco's media.</summary>
public interface IGatedAssetFiles
{
    /// <summary>Opens the file of <paramref name="item"/>'s gated asset, or returns null when it is missing.</summary>
    Task<GatedAssetFile?> OpenAsync(ContentItem item, CancellationToken cancellationToken);
}

/// <summary>An opened gated asset: the caller disposes <see cref="Content"/>.</summary>
public sealed record GatedAssetFile(Stream Content, string FileName, string ContentType)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>A file whose content type follows its name's extension (<c>application/octet-stream</c> when unknown).</summary>
    public static GatedAssetFile Named(Stream content, string fileName) =>
        new(content, fileName, ContentTypes.TryGetContentType(fileName, out var type) ? type : "application/octet-stream");
}
