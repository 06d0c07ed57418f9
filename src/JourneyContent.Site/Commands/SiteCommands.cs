using JourneyContent.Editing;
using JourneyContent.Sqlite;
using JourneyContent.Site.BackOffice.Authentication;

namespace JourneyContent.Site.Commands;

/// <summary>The site's command-line commands, run instead of the web server: <c>add-user</c>.</summary>
internal static class SiteCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "add-user" or "replay" or "seed-demo" or "fit";

    public static async Task<int> RunAsync(WebApplication app, string[] args) => args[0] switch
    {
        "add-user" => await AddUserAsync(app, args[1..]),
        "replay" => await ReplayCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error),
        "fit" => await FitCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error),
        "seed-demo" => await SeedDemoCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error),
        _ => 2,
    };

    /// <summary><c>add-user &lt;email&gt; [--role editor|marketer|admin]</c>: creates an account and prints its generated password once.</summary>
    private static async Task<int> AddUserAsync(WebApplication app, string[] args)
    {
        var email = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsRoleValue(args, a));
        var roleIndex = Array.IndexOf(args, "--role");
        var role = roleIndex >= 0 && roleIndex + 1 < args.Length ? args[roleIndex + 1] : JourneyRoles.Editor;
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/JourneyContent.Site -- add-user <email> [--role editor|marketer|admin]");
            return 2;
        }

        await app.Services.GetRequiredService<JourneyContent.Health.IStoreMigrator>().MigrateAsync();
        var password = BackOfficeAccounts.GeneratePassword();
        try
        {
            var account = await app.Services.GetRequiredService<BackOfficeAccounts>().CreateAsync(email, role, password, CancellationToken.None);
            if (account is null)
            {
                await Console.Error.WriteLineAsync($"An account for {email} already exists.");
                return 1;
            }

            Console.WriteLine($"Created {account.Email} with role {role}.");
            Console.WriteLine($"Password (shown once, store it now): {password}");
            Console.WriteLine($"Sign in at /journey/admin/sign-in");
            return 0;
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static bool IsRoleValue(string[] args, string value)
    {
        var index = Array.IndexOf(args, value);
        return index > 0 && args[index - 1] == "--role";
    }
}
