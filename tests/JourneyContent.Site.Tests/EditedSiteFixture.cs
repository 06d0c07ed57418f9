using System.Collections.Concurrent;
using JourneyContent.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Site.Tests;

/// <summary>
/// One demo site, shared by a collection, whose content copy holds extra files written before start-up: a broken
/// file, a file of an unknown kind, a hostile file and an item without a translation. It records its log, and a
/// request under <see cref="ThrowingPath"/> throws, so the error page can be tested.
/// </summary>
public sealed class EditedSiteFixture : IDisposable
{
    public const string ThrowingPath = "/fr/throw/for/tests";

    public const string SecretInException = "connection-string-that-must-not-leak";

    public EditedSiteFixture()
    {
        Site = new RecordingDemoSite();
        Site.With("Logging:LogLevel:JourneyContent", "Information");
        Site.WriteContent("en/zz-broken.md", "---\ntitle: \"Broken\nkind: blog-post\n---\nbody\n");
        Site.WriteContent("en/zz-unknown-kind.md", "---\ntitle: Fine title\nkind: podcast\n---\nbody\n");
        Site.WriteContent("en/zz-hostile.md", """
            ---
            title: Hostile
            kind: blog-post
            stage: awareness
            ---
            Hello <script>alert('owned')</script> <img src=x onerror="alert('owned')"> [x](javascript:alert('owned'))
            """);
        Site.WriteContent("en/zz-english-only.md", "---\ntitle: English only\nkind: blog-post\nstage: awareness\ntopics: [zz-only-english]\n---\nNo French version.\n");
    }

    public RecordingDemoSite Site { get; }

    public HttpClient CreateClient() => Site.CreateClient(new() { AllowAutoRedirect = false });

    public void Dispose() => Site.Dispose();

    /// <summary>The demo site, with its log recorded and a throwing path behind the site's own pipeline.</summary>
    public sealed class RecordingDemoSite : DemoSite
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new RecordingLoggerProvider(Log)));
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingPathFilter>());
        }
    }

    /// <summary>Adds, after the site's whole pipeline, a path that throws: the site's exception handler must catch it.</summary>
    private sealed class ThrowingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path.StartsWithSegments(ThrowingPath)
                ? throw new InvalidOperationException(SecretInException)
                : following(context));
        };
    }

    private sealed class RecordingLoggerProvider(ConcurrentQueue<(string, LogLevel, string)> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, log);

        public void Dispose()
        {
        }
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<(string, LogLevel, string)> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue((category, logLevel, formatter(state, exception)));
    }
}

[CollectionDefinition(Name)]
public sealed class EditedSiteCollection : ICollectionFixture<EditedSiteFixture>
{
    public const string Name = "Edited demo site";
}
