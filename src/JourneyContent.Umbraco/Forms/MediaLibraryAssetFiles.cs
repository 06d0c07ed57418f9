using JourneyContent.Content;
using JourneyContent.Web.Forms;
using Umbraco.Cms.Core.IO;

namespace JourneyContent.Umbraco.Forms;

/// <summary>Gated assets from Umbraco's media file system (local disk, Azure Blob or any other provider the site configured).</summary>
/// <remarks>The content mapping stores the media file's URL as the item's gated asset; it is resolved through the file system, never as a disk path.</remarks>
internal sealed class MediaLibraryAssetFiles(MediaFileManager media) : IGatedAssetFiles
{
    public Task<GatedAssetFile?> OpenAsync(ContentItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.IsGated)
        {
            return Task.FromResult<GatedAssetFile?>(null);
        }

        var files = media.FileSystem;
        var path = files.GetRelativePath(item.GatedAsset!);
        if (path.Contains("..", StringComparison.Ordinal) || !files.FileExists(path))
        {
            return Task.FromResult<GatedAssetFile?>(null);
        }

        return Task.FromResult<GatedAssetFile?>(GatedAssetFile.Named(files.OpenFile(path), Path.GetFileName(path)));
    }
}
