namespace PrivacyAssistant.Testing;

/// <summary>Finds files of the repository and of the shared folder beside it (<c>../shared</c>) from a test's output directory.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder with <c>PrivacyAssistant.sln</c>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A schema from <c>../shared/schemas/</c>, e.g. <c>adaptive-card-1.5.json</c>.</summary>
    public static string SharedSchema(string fileName)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", fileName));
        return File.Exists(path) ? path : throw new FileNotFoundException($"Expected the shared schema at {path} (the shared folder sits beside the repository).", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PrivacyAssistant.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find PrivacyAssistant.sln above " + AppContext.BaseDirectory);
    }
}
