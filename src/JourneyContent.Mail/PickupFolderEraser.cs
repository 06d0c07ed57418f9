using JourneyContent.Leads;
using Microsoft.Extensions.Options;

namespace JourneyContent.Mail;

/// <summary>Deletes a lead's mails from the pickup folder when the lead is erased: the files hold its address, name and download link.</summary>
/// <remarks>Registered whatever the transport, since files written before a switch to SMTP are still there.</remarks>
public sealed class PickupFolderEraser : ILeadErasureParticipant
{
    private readonly MailOptions _options;

    /// <summary>Creates the eraser from the mail options.</summary>
    public PickupFolderEraser(IOptions<MailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    /// <exception cref="IOException">A file could not be deleted: the erasure must be asked again.</exception>
    public Task<int> EraseLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        if (string.IsNullOrWhiteSpace(_options.PickupPath) || PickupFileNames.LeadPattern(leadId) is not { } pattern)
        {
            return Task.FromResult(0);
        }

        var folder = Path.GetFullPath(_options.PickupPath);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0);
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder, pattern))
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Delete(file);
            deleted++;
        }

        return Task.FromResult(deleted);
    }
}
