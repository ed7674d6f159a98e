using System.Net;
using System.Text.RegularExpressions;
using Markdig;

namespace PrivacyAssistant.Reliability.Tests.Support;

/// <summary>
/// What a TextBlock's Markdown turns into, as a stand-in for Teams' renderer: CommonMark (links,
/// images, headings, lists, emphasis, code, raw HTML, <c>&lt;url&gt;</c> autolinks) plus what
/// GitHub-flavoured renderers add (pipe tables, bare <c>https://</c> and <c>www.</c> links,
/// strikethrough, task lists) — more than Teams formats, so text that comes out as plain
/// paragraphs here is plain text in Teams too.
/// </summary>
public static partial class TeamsMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseTaskLists()
        .Build();

    /// <summary>The HTML elements the Markdown produced and the text a reader sees, whitespace collapsed.</summary>
    public static (IReadOnlySet<string> Elements, string Text) Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        var elements = Tag().Matches(html).Select(match => match.Groups[1].Value.ToLowerInvariant()).ToHashSet();
        return (elements, Collapse(WebUtility.HtmlDecode(Tag().Replace(html, " "))));
    }

    /// <summary>Runs of whitespace (including line breaks) as one space, trimmed: how a paragraph shows.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"</?([A-Za-z][A-Za-z0-9]*)[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
