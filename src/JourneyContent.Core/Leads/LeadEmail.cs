namespace JourneyContent.Leads;

/// <summary>How lead email addresses are compared: trimmed, with the domain lower-cased (the local part is kept, as mail servers may distinguish case).</summary>
public static class LeadEmail
{
    /// <summary>The longest address accepted (RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>The normalised address, or null when <paramref name="input"/> is not a plausible address.</summary>
    /// <remarks>
    /// Plausible means one <c>@</c>, a local part of at most 64 characters without spaces or control characters, and a
    /// domain of dot-separated labels of letters, digits and hyphens (international domains as typed). Deliverability
    /// is checked by the confirmation mail when double opt-in is on, not here.
    /// </remarks>
    public static string? Normalise(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return null;
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at != text.IndexOf('@', StringComparison.Ordinal) || at == text.Length - 1 || at > 64)
        {
            return null;
        }

        var local = text[..at];
        var domain = text[(at + 1)..].ToLowerInvariant().TrimEnd('.');
        if (local.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or ':' or '\\' or '"' or '[' or ']')
            || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || l.StartsWith('-') || l.EndsWith('-') || !l.All(c => char.IsLetterOrDigit(c) || c == '-')))
        {
            return null;
        }

        return local + "@" + domain;
    }
}
