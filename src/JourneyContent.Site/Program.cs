var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllersWithViews();
var app = builder.Build();
app.MapGet("/", (Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartManager m) =>
{
    var f = new Microsoft.AspNetCore.Mvc.Razor.Compilation.ViewsFeature();
    m.PopulateFeature(f);
    return string.Join("\n", f.ViewDescriptors.Select(v => v.RelativePath));
});
app.Run();
