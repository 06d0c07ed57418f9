namespace JourneyContent.Web.Localization;

/// <summary>
/// The catalogue key of a text that depends on a count: <c>{key}.One</c> or <c>{key}.Other</c>, so that pages say
/// "1 field" and "2 fields" instead of "1 field(s)".
/// </summary>
/// <remarks>
/// The rule of the catalogue's languages (CLDR's cardinal "one"): English and German use it for exactly 1, French for 0
/// and 1. A language without a rule here gets English's; add its rule with its resx.
/// </remarks>
public static class PluralText
{
    /// <summary>The key of <paramref name="key"/>'s form for <paramref name="count"/> in <paramref name="language"/> (a two-letter code).</summary>
    public static string Key(string key, long count, string language) =>
        key + (IsOne(count, language) ? ".One" : ".Other");

    private static bool IsOne(long count, string language) => string.Equals(language, "fr", StringComparison.OrdinalIgnoreCase)
        ? count is 0 or 1
        : count == 1;
}
