using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace JourneyContent.Web.Tests.Fakes;

/// <summary>A host environment rooted at a folder of the test's choosing.</summary>
internal sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";

    public string ApplicationName { get; set; } = "Tests";

    public string ContentRootPath { get; set; } = contentRoot;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
