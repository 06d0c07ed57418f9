using JourneyContent.Editing;

namespace JourneyContent.Core.Tests.Editing;

public sealed class EditorAccountTests
{
    [Theory]
    [InlineData("ada@example.com", "ada@example.com")]
    [InlineData("  Ada@Example.COM ", "ada@example.com")]
    [InlineData(null, "")]
    public void Emails_are_trimmed_and_lower_cased(string? typed, string normalised)
    {
        Assert.Equal(normalised, EditorAccount.NormaliseEmail(typed));
    }

    [Fact]
    public void An_account_normalises_its_email_when_created_and_when_copied()
    {
        var account = new EditorAccount { Email = " Ada@Example.com" };
        var copy = account with { Email = "GRACE@example.com " };

        Assert.Equal("ada@example.com", account.Email);
        Assert.Equal("grace@example.com", copy.Email);
    }

    [Fact]
    public void New_accounts_get_distinct_ids_and_security_stamps()
    {
        var first = new EditorAccount { Email = "a@example.com" };
        var second = new EditorAccount { Email = "a@example.com" };

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.SecurityStamp, second.SecurityStamp);
    }
}
