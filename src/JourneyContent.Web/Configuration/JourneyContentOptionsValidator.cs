using JourneyContent.Stages;
using JourneyContent.Web.Theming;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Configuration;

/// <summary>Checks the <c>JourneyContent</c> section at start-up and names every bad entry.</summary>
internal sealed class JourneyContentOptionsValidator(ThemeLocator themes) : IValidateOptions<JourneyContentOptions>
{
    public ValidateOptionsResult Validate(string? name, JourneyContentOptions options)
    {
        var failures = new List<string>();
        try
        {
            StageModel.Create(options.ToStageModelSettings());
        }
        catch (StageModelException ex)
        {
            failures.AddRange(ex.Errors);
        }

        var languages = options.EffectiveLanguages;
        foreach (var language in languages)
        {
            if (language.Length != 2 || !language.All(char.IsAsciiLetterLower))
            {
                failures.Add($"JourneyContent:Languages entry '{language}' is not a two-letter language code.");
            }
        }

        if (!languages.Contains(options.DefaultLanguage, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"JourneyContent:DefaultLanguage '{options.DefaultLanguage}' is not one of JourneyContent:Languages ({string.Join(", ", languages)}).");
        }

        // No theme: a CMS renders the pages, and the module's own views come from the library.
        if (!string.IsNullOrEmpty(options.Theme) && themes.Find(options) is null)
        {
            failures.Add($"JourneyContent:Theme '{options.Theme}' was not found: no folder '{options.Theme}' in {themes.DescribeSearch(options)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
