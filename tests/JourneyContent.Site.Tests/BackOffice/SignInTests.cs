using System.Net;
using JourneyContent.Editing;
using JourneyContent.Testing;

namespace JourneyContent.Site.Tests.BackOffice;

public sealed class SignInTests : IDisposable
{
    private readonly DemoSite _site = new DemoSite()
        .With("JourneyContent:Admin:Email", "Admin@Example.com ")
        .With("JourneyContent:Admin:Password", "a-long-configured-password");

    [Fact]
    public async Task The_first_admin_from_configuration_can_sign_in_and_reach_the_inventory()
    {
        using var client = BackOfficeClient.Create(_site);

        using var signIn = await client.SignInAsync("admin@example.com", "a-long-configured-password");
        using var inventory = await client.Http.GetAsync(new Uri("/journey/admin/content", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/journey/admin", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, inventory.StatusCode);
        Assert.Contains("Content inventory", await inventory.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_whether_the_account_exists()
    {
        using var client = BackOfficeClient.Create(_site);

        using var wrongPassword = await client.SignInAsync("admin@example.com", "not-the-password");
        using var noAccount = await client.SignInAsync("nobody@example.com", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noAccount.StatusCode);
        Assert.Contains("The email or the password is wrong", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ErrorOf(await wrongPassword.Content.ReadAsStringAsync()), ErrorOf(await noAccount.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var password = await BackOfficeClient.CreateAccountAsync(_site, "editor@example.com", JourneyRoles.Editor);
        using var client = BackOfficeClient.Create(_site);

        for (var i = 0; i < 5; i++)
        {
            using var failure = await client.SignInAsync("editor@example.com", "wrong-" + i);
        }

        using var right = await client.SignInAsync("editor@example.com", password);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_is_answered_exactly_like_an_address_without_an_account()
    {
        await BackOfficeClient.CreateAccountAsync(_site, "marketer@example.com", JourneyRoles.Editor);
        using var client = BackOfficeClient.Create(_site);
        // Five failures lock the account; the address without an account has nothing to lock. Seven posts stay under the per-IP limit (10).
        for (var i = 0; i < 5; i++)
        {
            using var failure = await client.SignInAsync("marketer@example.com", "wrong-" + i);
        }

        using var locked = await client.SignInAsync("marketer@example.com", "wrong-again");
        using var none = await client.SignInAsync("no-such-marketer@example.com", "wrong-again");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (locked.StatusCode, none.StatusCode));
        Assert.Equal(ErrorOf(await none.Content.ReadAsStringAsync()), ErrorOf(await locked.Content.ReadAsStringAsync()));
    }

    // The form's error summary, without the antiforgery token and the echoed email that legitimately differ.
    private static string ErrorOf(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "validation-summary[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "The sign-in page has no error summary.");
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task A_post_without_a_valid_antiforgery_token_is_rejected()
    {
        using var client = BackOfficeClient.Create(_site);

        using var noToken = await client.PostAsync("/journey/admin/sign-in", null, new() { ["Email"] = "admin@example.com", ["Password"] = "a-long-configured-password" });
        using var forged = await client.PostAsync("/journey/admin/sign-in", "forged-token", new() { ["Email"] = "admin@example.com", ["Password"] = "a-long-configured-password" });

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_editors_post_without_a_token_is_rejected_and_changes_nothing()
    {
        using var client = BackOfficeClient.Create(_site);
        await client.SignInAsync("admin@example.com", "a-long-configured-password");
        var item = _site.Content.FindById("en/content-scoring-a-primer")!;

        using var response = await client.PostAsync("/journey/admin/content/tag", null, new() { ["Id"] = item.Id, ["Version"] = item.Version!, ["Stage"] = "decision" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(_site.Content.FindById(item.Id)!.IsUntagged);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = BackOfficeClient.Create(_site);
        await client.SignInAsync("admin@example.com", "a-long-configured-password");
        var token = await client.TokenFromAsync("/journey/admin/content");

        using var signOut = await client.PostAsync("/journey/admin/sign-out", token, []);
        using var after = await client.Http.GetAsync(new Uri("/journey/admin/content", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/journey/admin/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    public void Dispose() => _site.Dispose();
}
