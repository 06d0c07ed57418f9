using JourneyContent.Health;

namespace JourneyContent.Core.Tests.Health;

public sealed class StorageProviderSettingTests
{
    [Theory]
    [InlineData(null, StorageProvider.Sqlite)]
    [InlineData("", StorageProvider.Sqlite)]
    [InlineData("  ", StorageProvider.Sqlite)]
    [InlineData("Sqlite", StorageProvider.Sqlite)]
    [InlineData(" sqlite ", StorageProvider.Sqlite)]
    [InlineData("PostgreSql", StorageProvider.PostgreSql)]
    [InlineData("POSTGRESQL", StorageProvider.PostgreSql)]
    public void A_provider_is_named_in_any_case_and_none_means_sqlite(string? value, StorageProvider expected) =>
        Assert.Equal(expected, StorageProviderSetting.Parse(value));

    [Theory]
    [InlineData("1")]
    [InlineData("Sqlite, PostgreSql")]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public void Anything_but_a_provider_name_is_refused_with_the_names_there_are(string value)
    {
        var error = Assert.Throws<StoreUnavailableException>(() => StorageProviderSetting.Parse(value));

        Assert.Equal($"JourneyContent:Storage:Provider is '{value}': use Sqlite (the default) or PostgreSql.", error.Message);
    }

    [Fact]
    public void A_connection_string_pasted_into_the_provider_setting_is_not_repeated_in_the_error()
    {
        var error = Assert.Throws<StoreUnavailableException>(() => StorageProviderSetting.Parse("Host=db;Username=site;Password=hunter2"));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Equal("JourneyContent:Storage:Provider is not a provider name: use Sqlite (the default) or PostgreSql.", error.Message);
    }
}
