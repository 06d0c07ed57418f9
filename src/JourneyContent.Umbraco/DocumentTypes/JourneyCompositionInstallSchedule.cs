using JourneyContent.Web.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Extensions;

namespace JourneyContent.Umbraco.DocumentTypes;

/// <summary>
/// Installs the Journey composition on the one server that does background work: at once when this server may,
/// otherwise as soon as it may (Umbraco elects its scheduling publisher after start-up), checking every
/// <see cref="RoleCheckInterval"/>.
/// </summary>
internal sealed class JourneyCompositionInstallSchedule(
    IServiceProvider services, IBackgroundWorkGate gate, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<JourneyCompositionInstallSchedule> logger)
{
    /// <summary>How often a server that may not install yet asks again.</summary>
    public static readonly TimeSpan RoleCheckInterval = TimeSpan.FromSeconds(15);

    private int _started;

    /// <summary>The install waiting for this server's turn, or a completed task when none waits.</summary>
    public Task Deferred { get; private set; } = Task.CompletedTask;

    /// <summary>Installs now and returns its report when this server may; otherwise defers the install and returns null.</summary>
    public async Task<InstallReport?> InstallOrDeferAsync(CancellationToken cancellationToken)
    {
        if (gate.WhyNotNow() is not { } refusal)
        {
            return await services.GetRequiredService<JourneyCompositionInstaller>().InstallAsync(cancellationToken);
        }

        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            logger.LogInformation("JourneyContent: the Journey composition is installed later: {Reason}.", refusal);
            // The timer exists from now on, so a tick is never missed between two checks of the role.
            Deferred = WaitForTurnAsync(new PeriodicTimer(RoleCheckInterval, time), lifetime.ApplicationStopping);
        }

        return null;
    }

    private async Task WaitForTurnAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        using var _ = timer;
        try
        {
            while (gate.WhyNotNow() is not null)
            {
                if (!await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
                {
                    return;
                }
            }

            var report = await services.GetRequiredService<JourneyCompositionInstaller>().InstallAsync(stopping).ConfigureAwait(false);
            logger.LogInformation("JourneyContent: Journey composition and data types, installed once this server's role allowed it: {Summary}.", report);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The site stops before this server got its turn: the server that has it installs.
        }
        catch (Exception e)
        {
            logger.LogError(e, "JourneyContent: the Journey composition could not be installed; the site runs without the changes. Fix the cause and restart.");
        }
    }
}

/// <summary>The registration of the Journey composition install, one place for the package and its tests.</summary>
internal static class JourneyCompositionInstallRegistration
{
    /// <summary>The installer, its schedule and the start-up handler that runs it.</summary>
    public static IUmbracoBuilder AddJourneyCompositionInstall(this IUmbracoBuilder builder)
    {
        builder.Services.TryAddTransient<JourneyCompositionInstaller>();
        builder.Services.TryAddSingleton<JourneyCompositionInstallSchedule>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddNotificationAsyncHandler<UmbracoApplicationStartingNotification, JourneyCompositionStartingHandler>();
        return builder;
    }
}
