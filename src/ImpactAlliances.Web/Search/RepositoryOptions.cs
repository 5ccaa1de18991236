namespace ImpactAlliances.Web.Search;

/// <summary>Where the content's repository is hosted (<c>Repository:Url</c>): version-pinned links to a case's file.</summary>
public sealed class RepositoryOptions
{
    /// <summary>The repository's web address, e.g. <c>https://github.com/owner/impact-alliances</c>; empty: no links to it.</summary>
    public string Url { get; set; } = "";

    /// <summary>The address of a content file as of a commit, or null when the repository or the commit is unknown.</summary>
    public string? FileAt(string? commit, string path) =>
        Url.Length == 0 || string.IsNullOrEmpty(commit) || commit.Contains('+', StringComparison.Ordinal)
            ? null
            : $"{Url.TrimEnd('/')}/blob/{commit}/{path}";
}
