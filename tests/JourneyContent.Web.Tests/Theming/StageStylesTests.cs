using JourneyContent.Stages;
using Microsoft.AspNetCore.Builder;

namespace JourneyContent.Web.Tests.Theming;

public sealed class StageStylesTests
{
    [Fact]
    public void Each_stage_gets_its_configured_colour()
    {
        var css = StageStylesEndpoint.Build(StageModel.Default);

        Assert.Contains("[data-stage=\"awareness\"]{--stage-color:#1d4ed8}", css, StringComparison.Ordinal);
        Assert.Equal(StageModel.Default.Stages.Count, css.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("red;}body{display:none")]
    [InlineData("url(https://evil.example/x.png)")]
    [InlineData("#12345g")]
    public void A_colour_that_is_not_a_plain_colour_value_is_replaced_not_injected(string color)
    {
        var model = StageModel.Create(new StageModelSettings
        {
            Stages = [new StageSettings { Key = "awareness", Color = color }],
        });

        var css = StageStylesEndpoint.Build(model);

        Assert.Equal("[data-stage=\"awareness\"]{--stage-color:#475569}\n", css);
    }
}
