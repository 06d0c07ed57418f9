using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Extensions;

namespace JourneyContent.Umbraco.Composing;

/// <summary>Adds JourneyContent to an Umbraco site when the package is installed; a site that composes it itself loses nothing.</summary>
public sealed class JourneyContentComposer : IComposer
{
    /// <inheritdoc />
    public void Compose(IUmbracoBuilder builder) => builder.AddJourneyContent();
}
