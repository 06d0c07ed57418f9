using JourneyContent.Testing;

namespace JourneyContent.Site.Tests;

/// <summary>One demo site shared by the tests of a collection. Tests that change content use their own <see cref="DemoSite"/>.</summary>
public sealed class DemoSiteFixture : IDisposable
{
    public DemoSite Site { get; } = new();

    public HttpClient CreateClient() => Site.CreateClient(new() { AllowAutoRedirect = false });

    public void Dispose() => Site.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSiteFixture>
{
    public const string Name = "Demo site";
}
