namespace JourneyContent.Health;

/// <summary>Where the module keeps its data: <c>JourneyContent:Storage:Provider</c>.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file in the data folder: the embedded default, for a site on one machine.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database shared by every instance of the site.</summary>
    PostgreSql,
}

/// <summary>Reads <c>JourneyContent:Storage:Provider</c>, the one place its values and its error are defined.</summary>
public static class StorageProviderSetting
{
    /// <summary>The configuration key.</summary>
    public const string Key = "JourneyContent:Storage:Provider";

    /// <summary>The provider a setting names; empty means SQLite. Case does not matter.</summary>
    /// <exception cref="StoreUnavailableException">The value names no provider; the message lists the ones there are.</exception>
    public static StorageProvider Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return StorageProvider.Sqlite;
        }

        var trimmed = value.Trim();
        // By name only: Enum.TryParse would also take "1" and "Sqlite, PostgreSql".
        foreach (var provider in Enum.GetValues<StorageProvider>())
        {
            if (string.Equals(trimmed, provider.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        // The value is echoed only up to a length: it is configuration, but an operator may have pasted a connection string here.
        var shown = trimmed.Length <= 40 && !trimmed.Contains('=', StringComparison.Ordinal) ? $"'{trimmed}'" : "not a provider name";
        throw new StoreUnavailableException($"{Key} is {shown}: use Sqlite (the default) or PostgreSql.");
    }
}
