using System.Security.Claims;
using JourneyContent.Umbraco.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using NSubstitute;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;

namespace JourneyContent.Umbraco.Tests.Members;

public sealed class UmbracoMemberAccessorTests
{
    private static readonly Guid Key = Guid.Parse("0b5e55ed-0000-4000-8000-000000000007");
    private readonly IMemberService _members = Substitute.For<IMemberService>();

    [Fact]
    public async Task A_member_signed_in_with_umbracos_cookie_is_known_by_the_key_of_their_member_record()
    {
        var member = Member();
        _members.GetById(7).Returns(member);

        var key = await Accessor().CurrentMemberKeyAsync(Request(IdentityConstants.ApplicationScheme, ClaimTypes.NameIdentifier, "7"));

        Assert.Equal(Key.ToString("D"), key);
    }

    [Fact]
    public async Task A_member_identity_carrying_the_key_itself_needs_no_lookup()
    {
        var key = await Accessor().CurrentMemberKeyAsync(Request(IdentityConstants.ApplicationScheme, ClaimTypes.NameIdentifier, Key.ToString("N")));

        Assert.Equal(Key.ToString("D"), key);
        _members.DidNotReceiveWithAnyArgs().GetById(default);
    }

    [Fact]
    public async Task A_back_office_user_or_an_anonymous_visitor_is_not_a_member()
    {
        var backOffice = await Accessor().CurrentMemberKeyAsync(Request("UmbracoBackOffice", ClaimTypes.NameIdentifier, "7"));
        var anonymous = await Accessor().CurrentMemberKeyAsync(new DefaultHttpContext());

        Assert.Null(backOffice);
        Assert.Null(anonymous);
    }

    [Fact]
    public async Task A_member_deleted_since_signing_in_is_not_linked()
    {
        _members.GetById(404).Returns((IMember?)null);

        var key = await Accessor().CurrentMemberKeyAsync(Request(IdentityConstants.ApplicationScheme, ClaimTypes.NameIdentifier, "404"));

        Assert.Null(key);
    }

    private UmbracoMemberAccessor Accessor() => new(_members, Substitute.For<IAuthenticationSchemeProvider>());

    private static DefaultHttpContext Request(string scheme, string claim, string value) =>
        new() { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(claim, value)], scheme)) };

    private static IMember Member()
    {
        var member = Substitute.For<IMember>();
        member.Key.Returns(Key);
        return member;
    }
}
