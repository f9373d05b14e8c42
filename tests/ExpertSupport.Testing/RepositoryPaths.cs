namespace ExpertSupport.Testing;

public static class RepositoryPaths
{
    /// <summary>The checkout's top folder (the one with ExpertSupport.sln), found from the test output.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExpertSupport.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ExpertSupport.sln not found above the test output.");
    }
}
