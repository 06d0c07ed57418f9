using JourneyContent.Delivery;

namespace JourneyContent.Mail;

/// <summary>How mail is sent, bound from the configuration section <c>JourneyContent:Mail</c>.</summary>
public sealed class MailOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "JourneyContent:Mail";

    /// <summary>The sender's address (<c>From</c>).</summary>
    public string FromAddress { get; set; } = "no-reply@localhost";

    /// <summary>The sender's display name: the site's name (the demo's is "Sillage"); empty shows the address alone, never the module's name.</summary>
    public string FromName { get; set; } = string.Empty;

    /// <summary>The folder .eml files are written to when no SMTP host is set; the host sets it to <c>&lt;data&gt;/mail</c>.</summary>
    public string? PickupPath { get; set; }

    /// <summary>The pickup folder in the host's <see cref="DataFolder"/> when <see cref="PickupPath"/> is not set.</summary>
    public const string DefaultPickupFolderName = "mail";

    /// <summary>When failed mail is tried again, section <c>JourneyContent:Mail:Retry</c>: 30 s, doubling from 1 min, capped at 1 h, 12 attempts.</summary>
    public OutboxRetryPolicy Retry { get; set; } = OutboxRetryPolicy.MailDefaults();

    /// <summary>The SMTP server; without a host, mail goes to <see cref="PickupPath"/>.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The SMTP server mail is sent through, section <c>JourneyContent:Mail:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name; null or empty means no SMTP (the pickup folder is used).</summary>
    public string? Host { get; set; }

    /// <summary>The server's port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>Auto</c> (TLS on port 465, STARTTLS when the server offers it otherwise), <c>None</c>, <c>StartTls</c> (required)
    /// or <c>SslOnConnect</c>.
    /// </summary>
    public string Security { get; set; } = "Auto";

    /// <summary>The user name to authenticate with; no authentication when empty.</summary>
    public string? UserName { get; set; }

    /// <summary>The password; never logged.</summary>
    public string? Password { get; set; }
}
