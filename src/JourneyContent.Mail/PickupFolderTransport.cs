using Microsoft.Extensions.Options;

namespace JourneyContent.Mail;

/// <summary>Writes each mail as an <c>.eml</c> file into <see cref="MailOptions.PickupPath"/>, for sites without an SMTP server and for development.</summary>
/// <remarks>
/// <para>Each file is written under a temporary name and then renamed, so a program watching the folder for <c>*.eml</c>
/// never reads a half-written message.</para>
/// <para>The name is <c>{UTC time}-{lead id or "nolead"}-{idempotency id}.eml</c>: a resend after a crash overwrites the
/// same message's file instead of adding a second one, and <see cref="PickupFolderEraser"/> finds a lead's files by name.</para>
/// </remarks>
public sealed class PickupFolderTransport : IMailTransport
{
    private readonly MailOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the transport from the mail options.</summary>
    public PickupFolderTransport(IOptions<MailOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _time = time;
    }

    /// <inheritdoc />
    public string Name => "pickup folder";

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><see cref="MailOptions.PickupPath"/> is not set.</exception>
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (string.IsNullOrWhiteSpace(_options.PickupPath))
        {
            throw new InvalidOperationException($"{MailOptions.SectionName}:PickupPath is not set and no SMTP host is configured.");
        }

        var folder = Path.GetFullPath(_options.PickupPath);
        Directory.CreateDirectory(folder);
        var now = _time.GetUtcNow();
        using var message = MimeMessages.Create(mail, _options, now);
        var name = PickupFileNames.For(mail, now);
        var temporary = Path.Combine(folder, "." + name + ".tmp");
        var final = Path.Combine(folder, name + ".eml");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await message.WriteToAsync(stream, cancellationToken);
                // On disk before it becomes visible: a crash must not leave an empty .eml behind.
                stream.Flush(flushToDisk: true);
            }

            // A file of the same message (same idempotency id) left by an attempt before a crash is replaced, not duplicated.
            foreach (var earlier in Directory.EnumerateFiles(folder, PickupFileNames.SameMessagePattern(mail)))
            {
                TryDelete(earlier);
            }

            File.Move(temporary, final, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
