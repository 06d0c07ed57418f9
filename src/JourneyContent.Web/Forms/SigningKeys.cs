using System.Security.Cryptography;
using System.Text;
using JourneyContent.Forms;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Forms;

/// <summary>The site's secret key, from configuration or generated once into the data folder, and the keys derived from it per purpose.</summary>
/// <remarks>
/// One master key, several purposes: download links, confirmation links and IP hashes each get
/// HMAC-SHA256(master, purpose), so a value made for one purpose is useless for another. The generated file is created
/// with owner-only permissions where the file system supports them.
/// </remarks>
public sealed class SigningKeys
{
    private readonly byte[] _master;

    /// <summary>Loads or creates the key.</summary>
    public SigningKeys(IOptions<GatedFormOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.SigningKey) && GatedFormOptions.TryKey(settings.SigningKey, out var configured))
        {
            _master = configured;
        }
        else if (settings.KeyFile is { Length: > 0 } file)
        {
            _master = LoadOrCreate(file);
        }
        else
        {
            throw new InvalidOperationException($"{GatedFormOptions.Section}: set SigningKey, or KeyFile for a generated key.");
        }

        Links = new LinkSigner(Derive("links"));
    }

    /// <summary>Signs and checks download and confirmation links.</summary>
    public LinkSigner Links { get; }

    /// <summary>A keyed hash of an IP address: the same address gives the same hash on this site, and it cannot be reversed by trying every address.</summary>
    public string? HashIp(string? ip) =>
        string.IsNullOrEmpty(ip) ? null : Convert.ToHexStringLower(HMACSHA256.HashData(Derive("ip"), Encoding.UTF8.GetBytes(ip)))[..32];

    private byte[] Derive(string purpose) => HMACSHA256.HashData(_master, Encoding.UTF8.GetBytes("JourneyContent/" + purpose));

    private static byte[] LoadOrCreate(string file)
    {
        if (File.Exists(file) && GatedFormOptions.TryKey(File.ReadAllText(file), out var existing) && existing.Length >= 32)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        try
        {
            // Two processes starting at once: the first key written wins, and both use it.
            File.Move(temp, file, overwrite: false);
            return key;
        }
        catch (IOException)
        {
            File.Delete(temp);
            if (GatedFormOptions.TryKey(File.ReadAllText(file), out var winner))
            {
                return winner;
            }

            throw;
        }
    }
}
