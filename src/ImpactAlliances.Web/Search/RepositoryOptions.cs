namespace ImpactAlliances.Web.Search;

/// <summary>
/// Where the content's repository is hosted (<c>Repository:Url</c>, <c>Repository:Branch</c>): version-pinned
/// links to a case's file, links to each change and to the file's edit page. Addresses follow GitHub's
/// scheme (<c>/blob/</c>, <c>/commit/</c>, <c>/edit/</c>), which Forgejo and Gitea also answer.
/// </summary>
public sealed class RepositoryOptions
{
    /// <summary>The repository's web address, e.g. <c>https://github.com/owner/impact-alliances</c>; empty: no links to it.</summary>
    public string Url { get; set; } = "";

    /// <summary>The branch editors propose changes to.</summary>
    public string Branch { get; set; } = "main";

    /// <summary>The address of a content file as of a commit, or null when the repository or the commit is unknown.</summary>
    public string? FileAt(string? commit, string path) => Published(commit) ? Link($"blob/{commit}/{path}") : null;

    /// <summary>The address of one change (a commit), or null when the repository or the commit is unknown.</summary>
    public string? Change(string? commit) => Published(commit) ? Link($"commit/{commit}") : null;

    /// <summary>The page that edits a file on <see cref="Branch"/> and proposes the change, or null without a repository.</summary>
    public string? EditPage(string path) => Link($"edit/{Branch}/{path}");

    /// <summary>A file as it is on <see cref="Branch"/>, or null without a repository.</summary>
    public string? File(string path) => Link($"blob/{Branch}/{path}");

    // A commit with "+modifié" was read from a work tree with changes not committed: the host does not have it.
    private static bool Published(string? commit) => !string.IsNullOrEmpty(commit) && !commit.Contains('+', StringComparison.Ordinal);

    private string? Link(string rest) => Url.Length == 0 ? null : $"{Url.TrimEnd('/')}/{rest}";
}
