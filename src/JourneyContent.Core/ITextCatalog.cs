using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JourneyContent;

/// <summary>The words of the module, by key and language: what domain code asks for when it must write for a person (a mail).</summary>
/// <remarks>
/// Domain code keeps codes (error codes, gap codes) and asks for words only at the edge, so that a new language is a
/// new catalogue file, not a new branch in code. Languages are two-letter ISO codes; a regional tag (<c>fr-CA</c>)
/// is served by its language.
/// </remarks>
public interface ITextCatalog
{
    /// <summary>The language the catalogue actually writes for <paramref name="language"/>: the language itself when the
    /// catalogue has it, else the catalogue's fallback language.</summary>
    string Resolve(string? language);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/> (resolved as by <see cref="Resolve"/>),
    /// with its placeholders (<c>{0}</c>…) left in place.</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no text for <paramref name="key"/>.</exception>
    string Get(string key, string language);

    /// <summary>Like <see cref="Get"/>, but false rather than an exception when the catalogue has no text for <paramref name="key"/>.</summary>
    bool TryGet(string key, string language, [NotNullWhen(true)] out string? text);

    /// <summary>The culture that formats dates and numbers in <paramref name="language"/>.</summary>
    CultureInfo Culture(string language);
}
