using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Core.Tests.Content;

/// <summary>A path on the command line means what it means from where the user stands; defaults find the repository.</summary>
public sealed class RepositoryPathsFacts : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_relative_path_that_exists_in_the_current_folder_is_that_one()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "judgments.json"), "[]");

        Assert.Equal(Path.Combine(_folder.Path, "judgments.json"), RepositoryPaths.Resolve("judgments.json", _folder.Path));
    }

    [Fact]
    public void A_relative_path_missing_from_the_current_folder_is_found_in_the_repository_the_program_belongs_to()
    {
        // The tests run from the repository's build output, as a tool built in the repository does.
        var resolved = RepositoryPaths.Resolve("content/taxonomy.yml", _folder.Path);

        Assert.True(File.Exists(resolved), resolved);
        Assert.DoesNotContain(_folder.Path, resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_path_is_kept() =>
        Assert.Equal(Path.Combine(_folder.Path, "x"), RepositoryPaths.Resolve(Path.Combine(_folder.Path, "x"), "/"));
}
