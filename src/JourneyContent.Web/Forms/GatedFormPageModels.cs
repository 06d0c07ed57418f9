using JourneyContent.Content;

namespace JourneyContent.Web.Forms;

/// <summary>The thank-you page: the item, the address mailed, and the download link (null while the address awaits confirmation).</summary>
public sealed record ThankYouViewModel(ContentItem Item, string Email, string? DownloadUrl, DateTimeOffset ExpiresAt);

/// <summary>A page about a link: forged (403), expired (410, with <paramref name="RenewToken"/> to ask for a fresh one), or renewed.</summary>
public sealed record LinkProblemViewModel(string Language, string TitleKey, string TextKey, string? RenewToken, ContentItem? Item);
