using System.Net;
using System.Text.Json;
using JourneyContent.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Pages;

/// <summary>The README's <c>dotnet run --project src/JourneyContent.Site</c> serves the demo as a public site would.</summary>
public sealed class ProductionDefaultsTests : IDisposable
{
    private const string FailingPath = "/en";

    private readonly DemoSite _site = new();

    [Fact]
    public void The_launch_profile_dotnet_run_picks_is_not_development()
    {
        Assert.NotEqual("Development", ReadmeEnvironment(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task In_the_readme_commands_environment_an_exception_shows_the_generic_error_page_without_a_stack_trace()
    {
        using var factory = _site.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(ReadmeEnvironment());
            builder.ConfigureTestServices(services => services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new FailOn(FailingPath))));
        });
        using var client = factory.CreateClient();

        using var failed = await client.GetAsync(new Uri(FailingPath, UriKind.Relative));
        var body = await failed.Content.ReadAsStringAsync();
        using var demo = await client.GetAsync(new Uri("/fr", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(FailOn.Message, body, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\.cs\b", body);
        Assert.DoesNotContain(RepositoryPaths.Root, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
    }

    public void Dispose() => _site.Dispose();

    /// <summary>The environment of the first <c>Project</c> profile of launchSettings.json, the one <c>dotnet run</c> uses.</summary>
    private static string ReadmeEnvironment()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src/JourneyContent.Site/Properties/launchSettings.json")));
        var profile = json.RootElement.GetProperty("profiles").EnumerateObject()
            .First(p => p.Value.GetProperty("commandName").GetString() == "Project").Value;
        return profile.TryGetProperty("environmentVariables", out var variables) && variables.TryGetProperty("ASPNETCORE_ENVIRONMENT", out var name)
            ? name.GetString()!
            : "Production";
    }

    /// <summary>Throws in the action of one path, as a bug would; the re-executed error page runs on another path.</summary>
    private sealed class FailOn(string path) : IActionFilter
    {
        public const string Message = "Deliberate failure from the test";

        public void OnActionExecuting(ActionExecutingContext context)
        {
            if (context.HttpContext.Request.Path == path)
            {
                throw new InvalidOperationException(Message);
            }
        }

        public void OnActionExecuted(ActionExecutedContext context)
        {
        }
    }
}
