using System.Diagnostics;
using System.Globalization;

namespace ImpactAlliances.Core.Indexing;

/// <summary>One commit that changed a case file.</summary>
public sealed record HistoryEntry(DateOnly Date, string Author, string Message);

/// <summary>
/// The git history of the case files, read with one <c>git log</c> at index time. Empty when the content
/// is not a git checkout or git is not installed: history is a courtesy, never a reason to fail a build.
/// </summary>
public sealed class GitHistory
{
    /// <summary>No history at all.</summary>
    public static readonly GitHistory None = new(new Dictionary<string, List<HistoryEntry>>());

    /// <summary>Most commits kept per file, newest first.</summary>
    public const int MaxEntries = 20;

    private const char RecordSeparator = '\u001e', FieldSeparator = '\u001f';
    private readonly Dictionary<string, List<HistoryEntry>> _byPath;

    private GitHistory(Dictionary<string, List<HistoryEntry>> byPath, string? commit = null) => (_byPath, Commit) = (byPath, commit);

    /// <summary>The commit the content was read at (with "+modifié" when the work tree differs), or null outside git.</summary>
    public string? Commit { get; }

    /// <summary>The commits that changed a file, newest first.</summary>
    public IReadOnlyList<HistoryEntry> For(string path) => _byPath.GetValueOrDefault(Path.GetFullPath(path)) ?? [];

    /// <summary>Reads the history of every file below <paramref name="contentPath"/>.</summary>
    public static GitHistory Read(string contentPath)
    {
        var root = Git(contentPath, "rev-parse", "--show-toplevel")?.Trim();
        if (string.IsNullOrEmpty(root))
        {
            return None;
        }
        var log = Git(contentPath, "log", "--no-merges", $"--format={RecordSeparator}%aI{FieldSeparator}%an{FieldSeparator}%s", "--name-only", "--", ".");
        var head = Git(contentPath, "rev-parse", "HEAD")?.Trim();
        var dirty = !string.IsNullOrEmpty(Git(contentPath, "status", "--porcelain", "--", ".")?.Trim());
        var commit = string.IsNullOrEmpty(head) ? null : dirty ? $"{head}+modifié" : head;
        return log is null ? None : new GitHistory(Parse(log, root), commit);
    }

    internal static Dictionary<string, List<HistoryEntry>> Parse(string log, string root)
    {
        var byPath = new Dictionary<string, List<HistoryEntry>>(StringComparer.Ordinal);
        foreach (var record in log.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = record.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var fields = lines.Length > 0 ? lines[0].Split(FieldSeparator) : [];
            if (fields.Length != 3 || !DateTimeOffset.TryParse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                continue;
            }
            var entry = new HistoryEntry(DateOnly.FromDateTime(date.Date), fields[1], fields[2]);
            foreach (var file in lines.Skip(1))
            {
                var list = byPath.TryGetValue(Path.GetFullPath(Path.Combine(root, file)), out var existing)
                    ? existing
                    : byPath[Path.GetFullPath(Path.Combine(root, file))] = [];
                if (list.Count < MaxEntries)
                {
                    list.Add(entry);
                }
            }
        }
        return byPath;
    }

    private static string? Git(string workingDirectory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            arguments.ToList().ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
