namespace PrivacyAssistant.Knowledge.Entries;

// The YAML front matter as written in the file. Unknown keys are an error, so a typo such as
// "alternate:" is reported instead of silently dropping the phrasings.
internal sealed class EntryFrontMatter
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public List<string?>? Alternates { get; set; }

    public List<string?>? Keywords { get; set; }

    public List<string?>? Related { get; set; }

    public List<SourceFrontMatter?>? Sources { get; set; }

    public string? Reviewed { get; set; }

    public List<string?>? Actions { get; set; }

    public LanguageFrontMatter? En { get; set; }

    internal sealed class SourceFrontMatter
    {
        public string? Title { get; set; }

        public string? Url { get; set; }
    }

    internal sealed class LanguageFrontMatter
    {
        public string? Title { get; set; }

        public List<string?>? Alternates { get; set; }

        public List<string?>? Keywords { get; set; }
    }
}
