using JourneyContent.Site.Commands;
using JourneyContent.Site.Hosting;
using JourneyContent.Web.Health;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddJourneyContentWeb(builder.Configuration);
builder.Services.AddJourneyContentRequestLanguages();
builder.Services.AddSingleton<SitePaths>();
builder.Services.AddSingleton(provider => new JourneyContent.DataFolder(provider.GetRequiredService<SitePaths>().Data));
builder.Services.AddSingleton<JourneyContent.Web.Forms.IGatedAssetFiles, ContentFolderAssetFiles>();
builder.Services.AddHostedService<DataFolderInitializer>();
builder.Services.AddMarkdownContent(_ => { });
try
{
    builder.Services.AddJourneyContentStorage(builder.Configuration);
}
catch (JourneyContent.Health.StoreUnavailableException e)
{
    await Console.Error.WriteLineAsync(StoreStartup.Message(e));
    return StoreStartup.ExitCode;
}

builder.Services.AddLuceneContentIndex(_ => { });
builder.Services.ConfigureOptions<ConfigureSiteStorage>();
builder.Services.AddJourneyContentBackOffice();
builder.Services.AddJourneyContentTracking(builder.Configuration);
builder.Services.AddJourneyContentRecommendations(builder.Configuration);
builder.Services.AddJourneyContentForms(builder.Configuration);
builder.Services.AddJourneyContentMail(builder.Configuration);
builder.Services.AddJourneyContentHealthChecks(builder.Configuration);
builder.Services.AddSiteTelemetry(builder.Configuration);
builder.Services.AddControllersWithViews().AddViewLocalization();

var app = builder.Build();

if (await StoreStartup.ProblemAsync(app.Services) is { } storeProblem)
{
    await Console.Error.WriteLineAsync(storeProblem);
    return StoreStartup.ExitCode;
}

if (SiteCommands.IsCommand(args))
{
    return await SiteCommands.RunAsync(app, args);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseMiddleware<StoreOutageMiddleware>();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseMiddleware<JourneyContent.Web.Forms.ReadableFormMiddleware>();
app.UseJourneyThemeAssets();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapJourneyStageStyles();
app.MapJourneyBackOfficeAssets();
app.MapJourneyTracking();
app.MapJourneyNextContent();
app.MapJourneyHealthChecks();
app.MapControllers();

await app.RunAsync();
return 0;

/// <summary>The standalone site's entry point, public so that tests can host it.</summary>
public partial class Program;
