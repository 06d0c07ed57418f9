using JourneyContent.Editing;

namespace JourneyContent.Core.Tests.Editing;

public sealed class JourneyRolesTests
{
    [Fact]
    public void All_lists_the_three_roles()
    {
        Assert.Equal(["editor", "marketer", "admin"], JourneyRoles.All);
    }

    [Theory]
    [InlineData("editor", true)]
    [InlineData("marketer", true)]
    [InlineData("admin", true)]
    [InlineData(" Admin ", true)]
    [InlineData("administrator", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKnown_accepts_the_roles_whatever_their_case(string? role, bool known)
    {
        Assert.Equal(known, JourneyRoles.IsKnown(role));
    }
}
