using System.Diagnostics;

namespace ImpactAlliances.Core.Tests;

/// <summary>Runs git in a test's temporary repository, as one editor.</summary>
public static class TestGit
{
    /// <summary>Runs <c>git</c> with <paramref name="arguments"/> in <paramref name="folder"/> and returns its output; fails the test if git fails.</summary>
    public static string Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Éditrice Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "editrice@example.org";
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Result;
    }
}
