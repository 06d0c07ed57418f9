using JourneyContent.Stages;
using JourneyContent.Umbraco.DocumentTypes;
using JourneyContent.Umbraco.Scheduling;
using JourneyContent.Umbraco.Tests.Scheduling;
using JourneyContent.Web.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
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
using Umbraco.Cms.Core.Sync;
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

    [Theory]
    [InlineData(ServerRole.Subscriber)]
    [InlineData(ServerRole.Unknown)]
    public async Task A_server_without_the_scheduling_role_installs_nothing_until_it_gets_the_role(ServerRole role)
    {
        var umbraco = new FakeUmbracoSchema();
        var roles = new ElectedRoleStandIn(role);
        var time = new FakeTimeProvider();
        using var site = Site(umbraco, roles, time);

        await site.GetRequiredService<IEventAggregator>().PublishAsync(new UmbracoApplicationStartingNotification(RuntimeLevel.Run, isRestarting: false));
        time.Advance(JourneyCompositionInstallSchedule.RoleCheckInterval * 3);

        Assert.Empty(umbraco.ContentTypes.ReceivedCalls());
        Assert.False(site.GetRequiredService<JourneyCompositionInstallSchedule>().Deferred.IsCompleted);

        roles.Elect(ServerRole.SchedulingPublisher);
        time.Advance(JourneyCompositionInstallSchedule.RoleCheckInterval);
        // The 2 min only turn a hung schedule into a failure; the fake clock above is what moves it.
        await site.GetRequiredService<JourneyCompositionInstallSchedule>().Deferred.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.NotNull(umbraco.LoadContentType(JourneyProperties.CompositionAlias));
    }

    [Fact]
    public async Task A_single_server_installs_at_once()
    {
        var umbraco = new FakeUmbracoSchema();
        using var site = Site(umbraco, new ElectedRoleStandIn(ServerRole.Single), new FakeTimeProvider());

        await site.GetRequiredService<IEventAggregator>().PublishAsync(new UmbracoApplicationStartingNotification(RuntimeLevel.Run, isRestarting: false));

        Assert.NotNull(umbraco.LoadContentType(JourneyProperties.CompositionAlias));
        Assert.True(site.GetRequiredService<JourneyCompositionInstallSchedule>().Deferred.IsCompleted);
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
    private static ServiceProvider Site(FakeUmbracoSchema umbraco, IServerRoleAccessor? roles = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        var builder = UmbracoTestBuilder.Create(services);
        services.RemoveAll<INotificationHandler<UmbracoApplicationStartingNotification>>();
        services.RemoveAll<INotificationAsyncHandler<UmbracoApplicationStartingNotification>>();

        // The registration AddJourneyContent makes, with Umbraco's role accessor (one server unless a test elects roles).
        if (roles is not null)
        {
            services.AddUnique(roles);
        }

        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<IBackgroundWorkGate, ServerRoleBackgroundWorkGate>();
        services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();
        builder.AddJourneyCompositionInstall();

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
