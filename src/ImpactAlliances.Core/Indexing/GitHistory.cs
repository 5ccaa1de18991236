using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;

namespace ImpactAlliances.Core.Indexing;

/// <summary>One commit that changed a case file: its date, author, subject and id, and what it did to the file.</summary>
public sealed record HistoryEntry(DateOnly Date, string Author, string Message)
{
    /// <summary>The commit's full id, for a link to the change on the repository host; null in indexes built before it was kept.</summary>
    public string? Commit { get; init; }

    /// <summary>What the commit did to the file; null in indexes built before it was kept.</summary>
    public HistoryChange? Change { get; init; }
}

/// <summary>What a commit did to a case file, as <c>git log --name-status</c> says.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HistoryChange>))]
public enum HistoryChange
{
    /// <summary>The file was created (or copied from another).</summary>
    Added,
    /// <summary>Its text changed.</summary>
    Modified,
    /// <summary>It was renamed, its text unchanged.</summary>
    Renamed,
    /// <summary>It was renamed and its text changed.</summary>
    RenamedAndModified,
    /// <summary>It was deleted (a case withdrawn, before a file of that name came back).</summary>
    Deleted,
}

/// <summary>
/// The git history of the case files, read with one <c>git log</c> at index time, following renames as
/// <c>git log --follow</c> does for one file. Empty when the content is not a git checkout or git is not
/// installed: history is a courtesy, never a reason to fail a build.
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

    /// <summary>The commits that changed a file, under its current name or an earlier one, newest first.</summary>
    public IReadOnlyList<HistoryEntry> For(string path) => _byPath.GetValueOrDefault(Path.GetFullPath(path)) ?? [];

    /// <summary>Reads the history of every file below <paramref name="contentPath"/>.</summary>
    public static GitHistory Read(string contentPath)
    {
        var root = Git(contentPath, "rev-parse", "--show-toplevel")?.Trim();
        if (string.IsNullOrEmpty(root))
        {
            return None;
        }
        // Newest first, with each commit's changed files and the renames among them (-M, as --follow detects them). The
        // author as the repository's .mailmap names them (%aN): an identity set by a machine reads as who the editors are.
        var log = Git(contentPath, "log", "--no-merges", "-M", $"--format={RecordSeparator}%H{FieldSeparator}%aI{FieldSeparator}%aN{FieldSeparator}%s",
            "--name-status", "-z", "--", ".");
        return log is null ? None : new GitHistory(Parse(log, root), CurrentCommit(contentPath));
    }

    /// <summary>
    /// The commit the content folder is at (with « +modifié » when its files have uncommitted changes), or
    /// null outside a git checkout: what an index built now would record as its content commit.
    /// </summary>
    public static string? CurrentCommit(string contentPath)
    {
        var head = Git(contentPath, "rev-parse", "HEAD")?.Trim();
        if (string.IsNullOrEmpty(head))
        {
            return null;
        }
        var dirty = !string.IsNullOrEmpty(Git(contentPath, "status", "--porcelain", "--", ".")?.Trim());
        return dirty ? $"{head}+modifié" : head;
    }

    /// <summary>
    /// Reads <c>git log --name-status -z</c> output, newest commit first. A rename carries the file's later
    /// name back to its older commits, so a renamed case keeps the history of its earlier name.
    /// </summary>
    internal static Dictionary<string, List<HistoryEntry>> Parse(string log, string root)
    {
        var byPath = new Dictionary<string, List<HistoryEntry>>(StringComparer.Ordinal);
        // A name a file had in older commits → the name it has now.
        var laterName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in log.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            // "hash␟date␟author␟subject\n\0status\0path\0" … ; a rename or copy has two paths.
            var parts = record.Split('\0');
            var fields = parts[0].TrimEnd('\n').Split(FieldSeparator);
            if (fields.Length != 4 || !DateTimeOffset.TryParse(fields[1], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                continue;
            }
            var entry = new HistoryEntry(DateOnly.FromDateTime(date.Date), fields[2], fields[3]) { Commit = fields[0] };
            for (var i = 1; i < parts.Length; i++)
            {
                var status = parts[i].Trim('\n');
                if (status.Length == 0 || i + 1 >= parts.Length)
                {
                    continue;
                }
                var path = parts[++i];
                if (status[0] is 'R' or 'C' && i + 1 < parts.Length)
                {
                    var after = parts[++i];
                    var current = laterName.GetValueOrDefault(after, after);
                    Add(byPath, root, current, entry with { Change = ChangeOf(status) });
                    if (status[0] == 'R')
                    {
                        laterName[path] = current;
                    }
                    continue;
                }
                Add(byPath, root, laterName.GetValueOrDefault(path, path), entry with { Change = ChangeOf(status) });
            }
        }
        return byPath;
    }

    /// <summary>A status of <c>--name-status</c> (<c>M</c>, <c>A</c>, <c>R100</c>, <c>R086</c>…): a rename scores its likeness, 100 when unchanged.</summary>
    private static HistoryChange ChangeOf(string status) => status[0] switch
    {
        'A' or 'C' => HistoryChange.Added,
        'D' => HistoryChange.Deleted,
        'R' => status == "R100" ? HistoryChange.Renamed : HistoryChange.RenamedAndModified,
        _ => HistoryChange.Modified,
    };

    private static void Add(Dictionary<string, List<HistoryEntry>> byPath, string root, string file, HistoryEntry entry)
    {
        var key = Path.GetFullPath(Path.Combine(root, file));
        if (!byPath.TryGetValue(key, out var list))
        {
            byPath[key] = list = [];
        }
        if (list.Count < MaxEntries)
        {
            list.Add(entry);
        }
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
