using JourneyContent.Lucene;
using JourneyContent.Mail;
using JourneyContent.Sqlite;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Forms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace JourneyContent.Umbraco.Composing;

/// <summary>Puts the module's files in its data folder, <c>umbraco/Data/JourneyContent</c> unless <c>JourneyContent:DataPath</c> says otherwise.</summary>
/// <remarks>Umbraco keeps its own SQLite database, logs and Examine indexes under <c>umbraco/Data</c>; the module's live beside them, apart.</remarks>
internal sealed class UmbracoStorage(IOptions<JourneyContentOptions> options, IWebHostEnvironment environment)
    : IConfigureOptions<SqliteStoreOptions>, IConfigureOptions<LuceneIndexOptions>, IConfigureOptions<GatedFormOptions>, IConfigureOptions<MailOptions>
{
    /// <summary>The data folder when the site does not set one.</summary>
    internal const string DefaultDataPath = "umbraco/Data/JourneyContent";

    private string Data => Path.GetFullPath(options.Value.DataPath, environment.ContentRootPath);

    public void Configure(SqliteStoreOptions sqlite)
    {
        if (string.IsNullOrEmpty(sqlite.DatabasePath))
        {
            sqlite.DatabasePath = Path.Combine(Data, "journeycontent.db");
        }
    }

    public void Configure(LuceneIndexOptions lucene)
    {
        if (string.IsNullOrEmpty(lucene.IndexPath))
        {
            lucene.IndexPath = Path.Combine(Data, "index");
        }
    }

    public void Configure(GatedFormOptions forms) => forms.KeyFile ??= Path.Combine(Data, "keys", "signing.key");

    public void Configure(MailOptions mail)
    {
        if (string.IsNullOrEmpty(mail.PickupPath))
        {
            mail.PickupPath = Path.Combine(Data, "mail");
        }
    }
}
