namespace PrivacyAssistant.Bench;

/// <summary>The repository root: the folder above the working directory (or the binary) that holds <c>PrivacyAssistant.sln</c>.</summary>
public static class Repository
{
    public static string Root { get; } = Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("Run the benchmarks from inside the repository.");

    private static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PrivacyAssistant.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
