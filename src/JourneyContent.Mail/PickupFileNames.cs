using System.Globalization;

namespace JourneyContent.Mail;

/// <summary>How pickup files are named, so that the transport and the eraser agree: <c>{UTC time}-{lead id}-{idempotency id}.eml</c>.</summary>
/// <remarks>Only hexadecimal ids go into names or patterns: anything else (a lead id typed into a URL) could widen a pattern or leave the folder.</remarks>
internal static class PickupFileNames
{
    private const string NoLead = "nolead";

    public static string For(OutgoingMail mail, DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + LeadPart(mail.LeadId) + "-" + MessagePart(mail);

    /// <summary>The pattern of the files an earlier attempt of the same message wrote; matches nothing for a mail without an idempotency id.</summary>
    public static string SameMessagePattern(OutgoingMail mail) =>
        IsHex(mail.IdempotencyId) ? "*-" + mail.IdempotencyId + ".eml" : "*-" + Guid.NewGuid().ToString("N") + "-never.eml";

    /// <summary>The pattern of a lead's files, or null when <paramref name="leadId"/> is not a lead id.</summary>
    public static string? LeadPattern(string leadId) => IsHex(leadId) ? "*-" + leadId + "-*.eml" : null;

    private static string LeadPart(string? leadId) => IsHex(leadId) ? leadId! : NoLead;

    private static string MessagePart(OutgoingMail mail) => IsHex(mail.IdempotencyId) ? mail.IdempotencyId! : Guid.NewGuid().ToString("N");

    private static bool IsHex(string? value) => value is { Length: > 0 and <= 64 } && value.All(char.IsAsciiHexDigit);
}
