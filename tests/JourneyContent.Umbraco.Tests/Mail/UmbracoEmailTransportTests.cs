using JourneyContent.Mail;
using JourneyContent.Umbraco.Mail;
using Microsoft.Extensions.Options;
using NSubstitute;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Mail;
using Umbraco.Cms.Core.Models.Email;

namespace JourneyContent.Umbraco.Tests.Mail;

/// <summary>Umbraco's mail sender lives in Infrastructure, so it is substituted; what is checked is what the module hands it.</summary>
public sealed class UmbracoEmailTransportTests
{
    private static readonly OutgoingMail Download = new("ada@example.com", "Ada", "Your benchmark", "Text part", "<p>HTML part</p>", "en", "download");

    [Fact]
    public async Task A_mail_goes_to_umbraco_as_html_from_the_sites_address_with_the_module_as_its_type()
    {
        var sender = Sender(canSend: true);
        var transport = new UmbracoEmailTransport(sender, Options.Create(new GlobalSettings { Smtp = new SmtpSettings { From = "news@site.example" } }), Options.Create(new MailOptions()));

        await transport.SendAsync(Download, CancellationToken.None);

        await sender.Received(1).SendAsync(
            Arg.Is<EmailMessage>(m => m.From == "news@site.example" && m.To.Single() == "ada@example.com" && m.Subject == "Your benchmark" && m.Body == "<p>HTML part</p>" && m.IsBodyHtml),
            "JourneyContent", false, null);
    }

    [Fact]
    public async Task Without_an_umbraco_from_address_the_modules_own_is_used()
    {
        var sender = Sender(canSend: true);
        var transport = new UmbracoEmailTransport(sender, Options.Create(new GlobalSettings()), Options.Create(new MailOptions { FromAddress = "journey@site.example" }));

        await transport.SendAsync(Download, CancellationToken.None);

        await sender.Received(1).SendAsync(Arg.Is<EmailMessage>(m => m.From == "journey@site.example"), Arg.Any<string>(), Arg.Any<bool>(), Arg.Any<TimeSpan?>());
    }

    [Fact]
    public async Task When_umbraco_cannot_send_mail_the_transport_fails_so_the_outbox_keeps_the_mail()
    {
        var sender = Sender(canSend: false);
        var transport = new UmbracoEmailTransport(sender, Options.Create(new GlobalSettings()), Options.Create(new MailOptions()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.SendAsync(Download, CancellationToken.None));

        Assert.Contains("Umbraco:CMS:Global:Smtp", error.Message, StringComparison.Ordinal);
        await sender.DidNotReceiveWithAnyArgs().SendAsync(default!, default!, default, default);
    }

    private static IEmailSender Sender(bool canSend)
    {
        var sender = Substitute.For<IEmailSender>();
        sender.CanSendRequiredEmail().Returns(canSend);
        return sender;
    }
}
