using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests;

/// <summary>The small fixture knowledge folder and a temporary folder builder for broken ones.</summary>
internal static class TestKnowledge
{
    private static readonly Lazy<KnowledgeEngine> FixtureEngine = new(() =>
        KnowledgeEngine.Create(FixtureFolder, new SchoolOptions(), new KnowledgeOptions()));

    public static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "knowledge");

    /// <summary>The repository's real knowledge folder (the one the product ships).</summary>
    public static string RepositoryFolder => Path.Combine(RepositoryRoot, "knowledge");

    /// <summary>The checkout this test runs from: the folder that holds PrivacyAssistant.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PrivacyAssistant.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("The tests must run from a build inside the repository.");
        }
    }

    /// <summary>The stop words of the fixture folder (the shipped <c>stop-words.txt</c>), for tests that build an analyzer themselves.</summary>
    public static global::PrivacyAssistant.Knowledge.Retrieval.StopWords StopWords => Fixture.Index.StopWords;

    /// <summary>Shared engine over the fixture folder (building it per test would only slow the suite down).</summary>
    public static KnowledgeEngine Fixture => FixtureEngine.Value;

    /// <summary>A copy of the fixture folder in a fresh temporary directory, for tests that break a file.</summary>
    public static TemporaryFolder CopyOfFixture()
    {
        var folder = new TemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(FixtureFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Path, Path.GetRelativePath(FixtureFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }
}

internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pa-knowledge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Entry(string id) => System.IO.Path.Combine(Path, "entries", id + ".md");

    public void Edit(string id, Func<string, string> change) => File.WriteAllText(Entry(id), change(File.ReadAllText(Entry(id))));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
