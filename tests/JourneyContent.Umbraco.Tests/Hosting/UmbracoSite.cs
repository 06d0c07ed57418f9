using System.Security.Claims;
using System.Text.Encodings.Web;
using JourneyContent.Content;
using JourneyContent.Umbraco.Composing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NSubstitute;
using Umbraco.Cms.Core.Mail;
using Umbraco.Cms.Core.Models.Membership;
using Umbraco.Cms.Core.Services;
using Umbraco.Extensions;

namespace JourneyContent.Umbraco.Tests.Hosting;

/// <summary>
/// The package composed on a real UmbracoBuilder inside a real ASP.NET Core host (the test server, or Kestrel on a loopback port for a browser), with the module's real
/// SQLite store and Lucene index in a temporary folder. Umbraco's services that need Infrastructure (users, members,
/// mail, published content) are the only doubles; the back-office token scheme is a stand-in that trusts a header.
/// </summary>
internal sealed class UmbracoSite : IAsyncDisposable
{
    public const string UserHeader = "X-Test-User";
    private readonly string _folder;

    private UmbracoSite(string folder, WebApplication app, IUserService users, IEmailSender mail, IMemberService members, Uri? baseAddress)
    {
        _folder = folder;
        App = app;
        BaseAddress = baseAddress;
        Users = users;
        Mail = mail;
        Members = members;
    }

    public WebApplication App { get; }

    public IUserService Users { get; }

    public IEmailSender Mail { get; }

    public IMemberService Members { get; }

    public string Folder => _folder;

    /// <summary>The loopback address a browser can reach when the site was started with <c>kestrel: true</c>; null on the test server.</summary>
    public Uri? BaseAddress { get; }

    /// <summary>A client of the site: in memory on the test server, over loopback on Kestrel.</summary>
    public HttpClient Client() => BaseAddress is null ? App.GetTestClient() : new HttpClient { BaseAddress = BaseAddress };

    public static async Task<UmbracoSite> StartAsync(
        IReadOnlyList<ContentItem> items, IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configureServices = null, Action<WebApplication>? configureApp = null, bool kestrel = false,
        bool useJourneyContent = true, Action<WebApplication>? beforeModule = null)
    {
        var folder = Directory.CreateTempSubdirectory("jc-umbraco-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder });
        if (kestrel)
        {
            // A real socket on a free loopback port, for a browser; the port is read back once the server listens.
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        // Umbraco.Cms.Core registers services whose dependencies live in Infrastructure; only those the module uses are resolved.
        builder.Host.UseServiceProviderFactory(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = false }));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JourneyContent:Languages:0"] = "en",
            ["JourneyContent:Languages:1"] = "fr",
            // One server: Umbraco's own registration (src/Umbraco.Core/DependencyInjection/UmbracoBuilder.cs) then gives the
            // real SingleServerRoleAccessor; the default elects a role through Infrastructure's server registrations.
            ["Umbraco:CMS:Global:DisableElectionForSingleServer"] = "true",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var umbraco = UmbracoTestBuilder.Create(builder.Services, builder.Configuration);
        new JourneyContentComposer().Compose(umbraco);

        var users = Substitute.For<IUserService>();
        var mail = Substitute.For<IEmailSender>();
        var members = Substitute.For<IMemberService>();
        builder.Services.AddSingleton(users);
        builder.Services.AddSingleton(mail);
        builder.Services.AddSingleton(members);
        builder.Services.AddSingleton<IContentSource>(new FixedContentSource(items));
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderUserScheme>("OpenIddict.Validation.AspNetCore", _ => { });
        builder.Services.AddControllersWithViews();
        configureServices?.Invoke(builder);

        var app = builder.Build();
        beforeModule?.Invoke(app);
        app.UseAuthentication();
        app.UseAuthorization();
        if (useJourneyContent)
        {
            app.UseJourneyContent();
        }

        // Umbraco maps attribute-routed controllers (its Management API is made of them); the module's pages ride on that.
        app.MapControllers();
        configureApp?.Invoke(app);
        await app.StartAsync();
        var baseAddress = kestrel ? new Uri(app.Urls.First()) : null;
        return new UmbracoSite(folder, app, users, mail, members, baseAddress);
    }

    /// <summary>A back-office user with these sections and groups, known to the substituted user service.</summary>
    public Guid AddUser(string[] sections, string[] groups, bool approved = true)
    {
        var key = Guid.NewGuid();
        // The groups are built before the user is configured: NSubstitute's Returns must follow its own call.
        var userGroups = groups.Select(alias =>
        {
            var group = Substitute.For<IReadOnlyUserGroup>();
            group.Alias.Returns(alias);
            return group;
        }).ToList();
        var user = Substitute.For<IUser>();
        user.Key.Returns(key);
        user.IsApproved.Returns(approved);
        user.AllowedSections.Returns(sections);
        user.Groups.Returns(userGroups);
        Users.GetAsync(key).Returns(user);
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a background writer: the temp folder is cleaned by the machine.
        }
    }

    private sealed class FixedContentSource(IEnumerable<ContentItem> items) : IContentSource
    {
        public ContentSnapshot Current { get; } = new(items, [], DateTimeOffset.UtcNow);

        public event EventHandler<ContentChangedEventArgs>? Changed { add { } remove { } }
    }

    /// <summary>Stands in for Umbraco's token validation: the header names the user's key, as the token's <c>sub</c> claim does.</summary>
    private sealed class HeaderUserScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var key))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim("sub", key.ToString())], Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }
}
