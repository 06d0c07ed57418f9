using Umbraco.Cms.Core.Sync;

namespace JourneyContent.Umbraco.Tests.Scheduling;

/// <summary>
/// Stands in for Umbraco's <see cref="ElectedServerRoleAccessor"/> (src/Umbraco.Core/Sync/ElectedServerRoleAccessor.cs),
/// which needs Infrastructure's server registrations: it reads the role on every call, and the role is
/// <see cref="ServerRole.Unknown"/> until the election after start-up, then may change when servers come and go.
/// </summary>
internal sealed class ElectedRoleStandIn(ServerRole role = ServerRole.Unknown) : IServerRoleAccessor
{
    private volatile int _role = (int)role;

    public ServerRole CurrentServerRole => (ServerRole)_role;

    /// <summary>The outcome of an election.</summary>
    public void Elect(ServerRole role) => _role = (int)role;
}
