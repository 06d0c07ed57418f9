using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Testing;

namespace JourneyContent.Site.Tests.BackOffice;

/// <summary>Runs the real <c>add-user</c> command as a separate process, then signs in with the password it printed.</summary>
public sealed partial class AddUserCommandTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "jc-adduser-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Add_user_prints_a_generated_password_once_and_that_password_signs_in()
    {
        var (exit, output) = await RunAsync("add-user", "Chief@Example.com", "--role", "admin");

        Assert.Equal(0, exit);
        var password = PasswordLine().Match(output).Groups[1].Value;
        Assert.True(password.Length >= 20, output);

        using var site = new DemoSite().With("JourneyContent:DataPath", _dataPath);
        using var client = BackOfficeClient.Create(site);
        using var signIn = await client.SignInAsync("chief@example.com", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/journey/admin", signIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(2, "Unknown role 'owner'", "add-user", "x@example.com", "--role", "owner")]
    [InlineData(2, "is not an email address", "add-user", "not-an-email", "--role", "editor")]
    [InlineData(2, "Usage:", "add-user")]
    public async Task Add_user_refuses_bad_input_with_a_clear_message(int expectedExit, string message, params string[] args)
    {
        var (exit, output) = await RunAsync(args);

        Assert.Equal(expectedExit, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_user_refuses_an_existing_email()
    {
        await RunAsync("add-user", "twice@example.com");

        var (exit, output) = await RunAsync("add-user", "TWICE@example.com");

        Assert.Equal(1, exit);
        Assert.Contains("already exists", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => SiteProcess.RunAsync(_dataPath, args);

    [GeneratedRegex(@"Password \(shown once, store it now\): (\S+)")]
    private static partial Regex PasswordLine();
}
