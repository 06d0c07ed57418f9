namespace JourneyContent.Testing;

/// <summary>Finds the repository's folders from wherever a test or benchmark process runs.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoContent => Path.Combine(Root, "src", "JourneyContent.Site", "content");

    public static string TestOutput(string folder)
    {
        var path = Path.Combine(Root, "test-output", folder);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "JourneyContent.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("JourneyContent.sln not found above " + AppContext.BaseDirectory);
    }
}
