namespace JourneyContent.Web.Tests.Webhooks;

/// <summary>A clock that moves only when told, for back-off schedules.</summary>
/// <remarks>This project does not reference Microsoft.Extensions.TimeProvider.Testing; timers stay real, which the dispatcher's poll tolerates.</remarks>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
