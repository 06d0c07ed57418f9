using System.Globalization;
using JourneyContent.Umbraco.Content;
using JourneyContent.Umbraco.DocumentTypes;
using JourneyContent.Web.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services;
using Umbraco.Extensions;
using Document = Umbraco.Cms.Core.Models.Content;

namespace JourneyContent.Umbraco.Tests.Content;

public sealed class RequireStageOnPublishTests
{
    private const string EnglishMessage = "“Guide to CRMs” has no buyer's journey stage. Choose a stage in the Journey tab before publishing.";

    private readonly List<IContentType> _types = [];
    private readonly IContentTypeService _contentTypes = Substitute.For<IContentTypeService>();
    private readonly CapturingLoggerProvider _logs = new();

    public RequireStageOnPublishTests() =>
        _contentTypes.Get(Arg.Any<Guid>()).Returns(call => _types.FirstOrDefault(t => t.Key == call.Arg<Guid>()));

    [Fact]
    public void Publishing_a_journey_document_without_a_stage_is_cancelled_with_the_message()
    {
        var content = new Document("Guide to CRMs", -1, Type(UmbracoTestBuilder.DocumentType("article")));

        var (cancelled, messages) = InCulture("en-US", () => Publish(content));

        Assert.True(cancelled);
        var message = Assert.Single(messages);
        Assert.Equal(EventMessageType.Error, message.MessageType);
        Assert.Equal("Stage required", message.Category);
        Assert.Equal(EnglishMessage, message.Message);
    }

    [Fact]
    public void The_message_is_in_french_when_the_editor_works_in_french()
    {
        var content = new Document("Guide to CRMs", -1, Type(UmbracoTestBuilder.DocumentType("article")));

        var (cancelled, messages) = InCulture("fr-FR", () => Publish(content));

        Assert.True(cancelled);
        var message = Assert.Single(messages);
        Assert.Equal("Étape requise", message.Category);
        Assert.Equal(
            "«\u00A0Guide to CRMs\u00A0» n'a pas d'étape du parcours d'achat. Choisissez une étape dans l'onglet «\u00A0Journey\u00A0» avant de publier.",
            message.Message);
    }

    [Fact]
    public void Publishing_a_journey_document_with_a_stage_goes_ahead()
    {
        var content = new Document("Guide to CRMs", -1, Type(UmbracoTestBuilder.DocumentType("article")));
        content.SetValue(JourneyProperties.Stage, "consideration");

        var (cancelled, messages) = Publish(content);

        Assert.False(cancelled);
        Assert.Empty(messages);
    }

    [Fact]
    public void With_RequireStage_off_a_document_without_a_stage_publishes()
    {
        var content = new Document("Guide to CRMs", -1, Type(UmbracoTestBuilder.DocumentType("article")));

        var (cancelled, messages) = Publish(content, requireStage: false);

        Assert.False(cancelled);
        Assert.Empty(messages);
    }

    [Fact]
    public void A_document_type_without_the_journey_composition_publishes_without_a_stage()
    {
        var content = new Document("Contact", -1, Type(UmbracoTestBuilder.DocumentType("contactPage", journey: false)));

        var (cancelled, _) = Publish(content);

        Assert.False(cancelled);
    }

    [Fact]
    public void Only_the_journey_documents_without_a_stage_are_named_when_several_are_published()
    {
        var type = Type(UmbracoTestBuilder.DocumentType("article"));
        var tagged = new Document("Tagged", -1, type);
        tagged.SetValue(JourneyProperties.Stage, "awareness");
        var untagged = new Document("Guide to CRMs", -1, type);

        var (cancelled, messages) = InCulture("en-US", () => Publish([tagged, untagged]));

        Assert.True(cancelled);
        Assert.Equal(EnglishMessage, Assert.Single(messages).Message);
    }

    [Fact]
    public void A_culture_being_published_without_a_stage_cancels_and_is_named()
    {
        var content = VariantGuide();
        content.SetPublishInfo("en-US", "Guide to CRMs (US)", DateTime.UtcNow);
        content.SetPublishInfo("fr-FR", "Guide des CRM", DateTime.UtcNow);

        var (cancelled, messages) = InCulture("en-US", () => Publish(content));

        Assert.True(cancelled);
        Assert.StartsWith("“Guide des CRM” has no buyer's journey stage.", Assert.Single(messages).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_culture_that_is_not_being_published_is_not_checked()
    {
        var content = VariantGuide();
        content.SetPublishInfo("fr-FR", "Guide des CRM", DateTime.UtcNow.AddDays(-1));
        content.PublishCultureInfos!["fr-FR"].ResetDirtyProperties(); // Published earlier, untouched by this publish.
        content.SetPublishInfo("en-US", "Guide to CRMs (US)", DateTime.UtcNow);

        var (cancelled, _) = Publish(content);

        Assert.False(cancelled);
    }

    [Fact]
    public void An_unexpected_failure_is_logged_and_does_not_cancel()
    {
        var content = new Document("Guide to CRMs", -1, Type(UmbracoTestBuilder.DocumentType("article")));
        _contentTypes.Get(Arg.Any<Guid>()).Returns(_ => throw new InvalidOperationException("No database"));

        var (cancelled, messages) = Publish(content);

        Assert.False(cancelled);
        Assert.Empty(messages);
        Assert.Contains(_logs.Errors, e => e.Exception?.Message == "No database");
    }

    private static (bool Cancelled, List<EventMessage> Messages) InCulture(string culture, Func<(bool, List<EventMessage>)> act)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return act();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A culture-variant document type with the composition's culture-variant stage, and a document named in English and French whose English version has a stage.</summary>
    private Document VariantGuide()
    {
        var strings = UmbracoTestBuilder.ShortStrings;
        var composition = new ContentType(strings, -1) { Alias = JourneyProperties.CompositionAlias, Name = "Journey", Variations = ContentVariation.Culture };
        composition.AddPropertyType(new PropertyType(strings, "Umbraco.Plain.String", ValueStorageType.Nvarchar, JourneyProperties.Stage)
        {
            Name = "Stage",
            Variations = ContentVariation.Culture,
        });
        var type = new ContentType(strings, -1) { Alias = "guide", Name = "Guide", Variations = ContentVariation.Culture };
        type.AddContentType(composition);
        var content = new Document("Guide to CRMs", -1, Type(type));
        content.SetCultureName("Guide to CRMs (US)", "en-US");
        content.SetCultureName("Guide des CRM", "fr-FR");
        content.SetValue(JourneyProperties.Stage, "decision", "en-US");
        return content;
    }

    private ContentType Type(ContentType type)
    {
        type.Key = Guid.NewGuid();
        _types.Add(type);
        return type;
    }

    private (bool Cancelled, List<EventMessage> Messages) Publish(IContent content, bool requireStage = true) => Publish([content], requireStage);

    private (bool Cancelled, List<EventMessage> Messages) Publish(IContent[] contents, bool requireStage = true)
    {
        // The real UmbracoBuilder and EventAggregator; IContentTypeService needs Infrastructure, so it is substituted.
        var services = new ServiceCollection();
        var builder = UmbracoTestBuilder.Create(services);
        builder.AddNotificationHandler<ContentPublishingNotification, RequireStageOnPublish>();
        services.Configure<JourneyContentOptions>(o => o.RequireStage = requireStage);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton(_contentTypes);
        services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(b => b.AddProvider(_logs)));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        using var provider = services.BuildServiceProvider();
        var messages = new EventMessages();

        var cancelled = provider.GetRequiredService<IEventAggregator>().PublishCancelable(new ContentPublishingNotification(contents, messages));

        return (cancelled, [.. messages.GetAll()]);
    }
}
