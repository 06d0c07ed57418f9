using JourneyContent.Tracking;

namespace JourneyContent.Core.Tests.Inference;

public sealed class TrackingTests
{
    [Theory]
    [InlineData("view", JourneyEventType.View)]
    [InlineData("engaged", JourneyEventType.Engaged)]
    [InlineData("cta_click", JourneyEventType.CtaClick)]
    [InlineData("download", JourneyEventType.Download)]
    [InlineData("form_submit", JourneyEventType.FormSubmit)]
    [InlineData("declared_stage", JourneyEventType.DeclaredStage)]
    [InlineData("trial_signup", JourneyEventType.TrialSignUp)]
    [InlineData("demo_request", JourneyEventType.DemoRequest)]
    [InlineData("purchase", JourneyEventType.Purchase)]
    [InlineData("customer", JourneyEventType.CustomerFlag)]
    public void Event_types_round_trip_through_their_stored_keys(string key, JourneyEventType type)
    {
        Assert.Equal(key, type.Key());
        Assert.True(JourneyEventTypes.TryParse(key, out var parsed));
        Assert.Equal(type, parsed);
        Assert.True(JourneyEventTypes.TryParse($" {key.ToUpperInvariant()} ".AsSpan(), out parsed));
        Assert.Equal(type, parsed);
        Assert.Equal(type >= JourneyEventType.DeclaredStage, type.IsExplicitSignal());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("scroll")]
    [InlineData("cta-click")]
    public void Unknown_event_keys_do_not_parse(string? key)
    {
        Assert.False(JourneyEventTypes.TryParse(key, out _));
    }

    [Fact]
    public void There_are_eleven_event_types_and_only_five_are_explicit_signals()
    {
        Assert.Equal(JourneyEventTypes.Count, Enum.GetValues<JourneyEventType>().Length);
        Assert.Equal(Enum.GetValues<JourneyEventType>(), JourneyEventTypes.All);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((JourneyEventType)11).Key());
        Assert.Equal([JourneyEventType.DeclaredStage, JourneyEventType.TrialSignUp, JourneyEventType.DemoRequest, JourneyEventType.Purchase, JourneyEventType.CustomerFlag], JourneyEventTypes.All.Where(t => t.IsExplicitSignal()));
    }

    [Theory]
    [InlineData(29.9, 0.59, false)]
    [InlineData(30, 0, true)]
    [InlineData(2, 0.6, true)]
    [InlineData(120, 1, true)]
    public void A_read_is_engaged_from_thirty_seconds_or_sixty_percent_scrolled(double seconds, double scroll, bool engaged)
    {
        Assert.Equal(engaged, EngagementRule.Default.IsEngaged(TimeSpan.FromSeconds(seconds), scroll));
    }

    [Fact]
    public void An_engagement_rule_checks_its_thresholds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EngagementRule(TimeSpan.Zero, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EngagementRule(TimeSpan.FromSeconds(10), 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EngagementRule(TimeSpan.FromSeconds(10), double.NaN));
        Assert.True(new EngagementRule(TimeSpan.FromSeconds(10), 0.9).IsEngaged(TimeSpan.FromSeconds(10), 0));
    }

    [Fact]
    public void An_event_checks_its_arguments()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

        var e = new JourneyEvent("v1", at, JourneyEventType.View, "");

        Assert.Null(e.Content);
        Assert.Throws<ArgumentException>(() => new JourneyEvent(" ", at, JourneyEventType.View));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JourneyEvent("v1", at, (JourneyEventType)(-1)));
        Assert.Throws<ArgumentException>(() => new JourneyEvent("v1", at, JourneyEventType.DeclaredStage));
        Assert.Throws<ArgumentException>(() => new JourneyEvent("v1", at, JourneyEventType.View, declaredStage: "decision"));
        Assert.Equal("decision", new JourneyEvent("v1", at, JourneyEventType.DeclaredStage, declaredStage: "decision").DeclaredStage);
    }
}
