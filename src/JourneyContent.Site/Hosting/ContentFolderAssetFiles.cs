using JourneyContent.Content;
using JourneyContent.Web.Forms;

namespace JourneyContent.Site.Hosting;

/// <summary>Gated assets as files of the content folder, named by the items' front matter (<c>gated: assets/x.pdf</c>).</summary>
internal sealed class ContentFolderAssetFiles(SitePaths paths) : IGatedAssetFiles
{
    public Task<GatedAssetFile?> OpenAsync(ContentItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.IsGated)
        {
            return Task.FromResult<GatedAssetFile?>(null);
        }

        // The front matter is editable text: a path that climbs out of the content folder is refused, not followed.
        var root = Path.GetFullPath(paths.Content) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(paths.Content, item.GatedAsset!));
        if (!path.StartsWith(root, StringComparison.Ordinal) || !File.Exists(path))
        {
            return Task.FromResult<GatedAssetFile?>(null);
        }

        return Task.FromResult<GatedAssetFile?>(GatedAssetFile.Named(File.OpenRead(path), Path.GetFileName(path)));
    }
}
