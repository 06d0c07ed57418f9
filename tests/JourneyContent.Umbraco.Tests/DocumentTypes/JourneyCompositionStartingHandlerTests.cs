using JourneyContent.Stages;
using JourneyContent.Umbraco.DocumentTypes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.PropertyEditors;
using Umbraco.Cms.Core.Serialization;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Strings;
using Umbraco.Extensions;

namespace JourneyContent.Umbraco.Tests.DocumentTypes;

/// <summary>The start-up handler, published through Umbraco's real <see cref="IEventAggregator"/>.</summary>
public sealed class JourneyCompositionStartingHandlerTests
{
    [Fact]
    public async Task Starting_at_run_level_installs_the_composition_and_its_data_types()
    {
        var umbraco = new FakeUmbracoSchema();
        using var site = Site(umbraco);

        await site.GetRequiredService<IEventAggregator>().PublishAsync(new UmbracoApplicationStartingNotification(RuntimeLevel.Run, isRestarting: false));

        await umbraco.ContentTypes.Received(1).CreateAsync(Arg.Any<IContentType>(), Constants.Security.SuperUserKey);
        Assert.NotNull(umbraco.LoadContentType(JourneyProperties.CompositionAlias));
        Assert.NotNull(umbraco.LoadDataType(Guid.Parse("e572908e-a733-468a-9a93-2e956bf9109d")));
    }

    [Theory]
    [InlineData(RuntimeLevel.Install)]
    [InlineData(RuntimeLevel.Upgrade)]
    [InlineData(RuntimeLevel.BootFailed)]
    public async Task Starting_below_run_level_does_nothing(RuntimeLevel level)
    {
        var umbraco = new FakeUmbracoSchema();
        using var site = Site(umbraco);

        await site.GetRequiredService<IEventAggregator>().PublishAsync(new UmbracoApplicationStartingNotification(level, isRestarting: false));

        Assert.Empty(umbraco.DataTypes.ReceivedCalls());
        Assert.Empty(umbraco.ContentTypes.ReceivedCalls());
    }

    [Fact]
    public void Failing_install_does_not_stop_the_start()
    {
        var umbraco = new FakeUmbracoSchema();
        umbraco.ContentTypes.Get(Arg.Any<string>()).Returns(_ => throw new InvalidOperationException("The database is unreachable."));
        using var site = Site(umbraco);

        var publish = Record.Exception(() =>
            site.GetRequiredService<IEventAggregator>().Publish(new UmbracoApplicationStartingNotification(RuntimeLevel.Run, isRestarting: false)));

        Assert.Null(publish);
        umbraco.ContentTypes.Received().Get(JourneyProperties.CompositionAlias);
    }

    /// <summary>
    /// A real Umbraco builder with the package's handler and installer, and substitutes for what needs Infrastructure.
    /// Umbraco's own start-up handlers (directories, URL caches) need its hosting and database, so only the package's runs.
    /// </summary>
    private static ServiceProvider Site(FakeUmbracoSchema umbraco)
    {
        var services = new ServiceCollection();
        var builder = UmbracoTestBuilder.Create(services);
        services.RemoveAll<INotificationHandler<UmbracoApplicationStartingNotification>>();
        services.RemoveAll<INotificationAsyncHandler<UmbracoApplicationStartingNotification>>();

        // The registration AddJourneyContent makes.
        services.TryAddTransient<JourneyCompositionInstaller>();
        builder.AddNotificationAsyncHandler<UmbracoApplicationStartingNotification, JourneyCompositionStartingHandler>();

        services.AddLogging();
        services.AddSingleton(umbraco.DataTypes);
        services.AddSingleton(umbraco.ContentTypes);
        services.AddSingleton(umbraco.Editors);
        services.AddSingleton(umbraco.Serializer);
        services.AddSingleton<IShortStringHelper>(UmbracoTestBuilder.ShortStrings);
        services.AddSingleton(StageModel.Default);
        return services.BuildServiceProvider();
    }
}
