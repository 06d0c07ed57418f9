using JourneyContent.Delivery;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JourneyContent.Mail;

/// <summary>Fails start-up on mail settings that could never work, naming the configuration key, rather than failing every send later.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    private const string Prefix = MailOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsAddress(options.FromAddress))
        {
            failures.Add($"{Prefix}FromAddress must be an email address (was '{options.FromAddress}').");
        }

        var smtp = options.Smtp ?? new SmtpOptions();
        if (!TryParseSecurity(smtp.Security, out _))
        {
            failures.Add($"{Prefix}Smtp:Security must be one of Auto, None, StartTls, SslOnConnect (was '{smtp.Security}').");
        }

        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (string.IsNullOrWhiteSpace(options.PickupPath))
            {
                failures.Add($"{Prefix}PickupPath must be set when {Prefix}Smtp:Host is not (mail is then written to that folder).");
            }
        }
        else if (smtp.Port is <= 0 or > 65535)
        {
            failures.Add($"{Prefix}Smtp:Port must be between 1 and 65535 (was {smtp.Port}).");
        }

        failures.AddRange(options.Retry.Validate(Prefix + nameof(MailOptions.Retry)));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool TryParseSecurity(string? value, out SecureSocketOptions security)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "AUTO":
                security = SecureSocketOptions.Auto;
                return true;
            case "NONE":
                security = SecureSocketOptions.None;
                return true;
            case "STARTTLS":
                security = SecureSocketOptions.StartTls;
                return true;
            case "SSLONCONNECT":
                security = SecureSocketOptions.SslOnConnect;
                return true;
            default:
                security = SecureSocketOptions.Auto;
                return false;
        }
    }

    private static bool IsAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && MailboxAddress.TryParse(value, out var address)
        && address.Address.Contains('@', StringComparison.Ordinal)
        && !address.Address.StartsWith('@')
        && !address.Address.EndsWith('@');
}
