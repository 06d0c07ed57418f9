using JourneyContent.Site.Hosting;
using JourneyContent.Web.Configuration;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddJourneyContentWeb(builder.Configuration);
builder.Services.AddSingleton<SitePaths>();
builder.Services.AddMarkdownContent(_ => { });
builder.Services.AddSingleton<IConfigureOptions<JourneyContent.Markdown.MarkdownContentOptions>, ConfigureMarkdownContent>();
builder.Services.AddControllersWithViews().AddViewLocalization();
builder.Services.AddHostedService<DataFolderInitializer>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseJourneyThemeAssets();
app.UseRequestLocalization();
app.UseRouting();
app.MapJourneyStageStyles();
app.MapControllers();

app.Run();

/// <summary>The standalone site's entry point, public so that tests can host it.</summary>
public partial class Program;
