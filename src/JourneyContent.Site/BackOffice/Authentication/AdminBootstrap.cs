using System.Security.Cryptography;
using JourneyContent.Editing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Site.BackOffice.Authentication;

/// <summary>Creates back-office accounts: the first admin from configuration at start-up, and accounts for the <c>add-user</c> command.</summary>
/// <remarks>No password ships with the module: the first admin's comes from <c>JourneyContent:Admin:Password</c>
/// (user secrets or an environment variable) or is generated and shown once by <c>add-user</c>.</remarks>
public sealed class BackOfficeAccounts(IEditorAccountStore accounts, IPasswordHasher<EditorAccount> hasher, TimeProvider time)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Creates an account; returns null when the email is taken.</summary>
    /// <exception cref="ArgumentException">The email, role or password is not acceptable.</exception>
    public async Task<EditorAccount?> CreateAsync(string email, string role, string password, CancellationToken cancellationToken)
    {
        var normalised = EditorAccount.NormaliseEmail(email);
        if (normalised.Length < 3 || !normalised.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{email}' is not an email address.", nameof(email));
        }

        if (!JourneyRoles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", JourneyRoles.All)}.", nameof(role));
        }

        if (password is null || password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"A password has at least {MinimumPasswordLength} characters.", nameof(password));
        }

        var account = new EditorAccount
        {
            Id = Guid.NewGuid(),
            Email = normalised,
            DisplayName = normalised,
            Roles = [role.ToLowerInvariant()],
            PasswordHash = string.Empty,
            CreatedAt = time.GetUtcNow(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        return await accounts.CreateAsync(account, cancellationToken) ? account : null;
    }

    /// <summary>A random password of 20 characters from an alphabet without look-alike characters.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}

/// <summary>Creates the admin named in <c>JourneyContent:Admin</c> at start-up if the account does not exist yet.</summary>
internal sealed class AdminBootstrap(IConfiguration configuration, BackOfficeAccounts accounts, IEditorAccountStore store, ILogger<AdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration["JourneyContent:Admin:Email"];
        var password = configuration["JourneyContent:Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            if (await store.CountAsync(cancellationToken) == 0)
            {
                logger.LogWarning("No back-office account exists. Create the first admin with: dotnet run --project src/JourneyContent.Site -- add-user <email> --role admin");
            }

            return;
        }

        if (await store.FindByEmailAsync(email, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await accounts.CreateAsync(email, JourneyRoles.Admin, password, cancellationToken);
            logger.LogInformation("Created the admin account {Email} from configuration", email);
        }
        catch (ArgumentException ex)
        {
            logger.LogError("JourneyContent:Admin was not created: {Reason}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
