using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Mono.Unix;
using Mono.Unix.Native;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// The one way content files are found and read (cases, <c>taxonomy.yml</c>, <c>synonyms.yml</c>,
/// <c>source-hosts.yml</c>), so that a hostile or unlucky file cannot crash, hang or poison the tools or
/// the site: only regular files are opened (never a device, FIFO or socket), links are followed only
/// inside the content folder, a file is at most <see cref="MaxBytes"/>, and it must be valid UTF-8.
/// Each refusal is a diagnostic <c>path:line: message</c>.
/// </summary>
public static class ContentFile
{
    /// <summary>The largest content file read, in bytes (1 Mio): a case is a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// The text of a content file, or null with a diagnostic when it may not be read.
    /// </summary>
    /// <param name="path">The file, as it is named in diagnostics.</param>
    /// <param name="root">The folder links may point into; by default the file's own folder.</param>
    public static string? ReadText(string path, ICollection<ContentDiagnostic> diagnostics, string? root = null)
    {
        byte[] buffer;
        int length;
        try
        {
            if (Refusal(path, root) is { } refusal)
            {
                diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, refusal));
                return null;
            }
            (buffer, length) = ReadAtMost(path, MaxBytes + 1);
        }
        catch (IOException ex)
        {
            diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, $"fichier illisible (détail : {ex.Message})"));
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, "fichier illisible : accès refusé"));
            return null;
        }
        string text;
        try
        {
            var bytes = buffer.AsSpan(0, length);
            if (bytes.Length > MaxBytes)
            {
                diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, TooLarge(null)));
                return null;
            }
            if (FirstInvalidUtf8(bytes) is { } offset)
            {
                var line = bytes[..offset].Count((byte)'\n') + 1;
                diagnostics.Add(new(path, line, DiagnosticSeverity.Error,
                    $"octets invalides en UTF-8 (octet {offset.ToString(CultureInfo.InvariantCulture)} du fichier, 0x{bytes[offset]:X2}) : enregistrez le fichier en UTF-8"));
                return null;
            }
            // A byte order mark is not text.
            text = Encoding.UTF8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (FirstInvisible(text) is var at and >= 0)
        {
            var before = text.AsSpan(0, at);
            diagnostics.Add(new(path, before.Count('\n') + 1, DiagnosticSeverity.Error,
                InvisibleCharacter(text[at], $"colonne {(at - before.LastIndexOf('\n')).ToString(CultureInfo.InvariantCulture)}")));
            return null;
        }
        return text;
    }

    /// <summary>Where the first character a content file may not hold is (<see cref="Invisible"/>), or -1.</summary>
    public static int FirstInvisible(ReadOnlySpan<char> text) => text.IndexOfAny(Invisible);

    /// <summary>Whether a character is one a content file may not hold (<see cref="Invisible"/>).</summary>
    public static bool IsInvisible(char c) => Invisible.Contains(c);

    /// <summary>The refusal of an invisible character, <paramref name="where"/> saying where on its line it stands.</summary>
    internal static string InvisibleCharacter(char c, string where) =>
        $"caractère invisible U+{(int)c:X4} ({where}) : supprimez-le ; un fichier de contenu ne peut contenir que des caractères imprimables, des tabulations et des retours à la ligne";

    /// <summary>
    /// Control characters but the tab and the line breaks, and the two non-characters of the basic plane: they
    /// show nowhere, mean nothing, and XML (the feed) cannot hold most of them; U+0080 to U+009F are most often an
    /// apostrophe or a dash of Windows-1252 decoded wrongly. Also the zero-width space, the direction marks and
    /// overrides (U+200B, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) and the word joiner: they change how a
    /// title reads or splits a word without showing (the joiners U+200C and U+200D, which emoji and scripts need, are kept).
    /// </summary>
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u200B', '\u200E', '\u200F', .. Enumerable.Range(0x202A, 5).Select(c => (char)c), '\u2060', .. Enumerable.Range(0x2066, 4).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    /// <summary>The extensions of a Markdown file other than <c>.md</c> (<c>.MD</c>, <c>.markdown</c>): a case saved so is reported, not skipped.</summary>
    private static readonly HashSet<string> MarkdownExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown" };

    /// <summary>
    /// The <c>*.md</c> files below <paramref name="folder"/>, except names starting with '_' (a file saved with another Markdown
    /// extension, <c>.MD</c> or <c>.markdown</c>, is reported in <paramref name="diagnostics"/>). A folder link
    /// is walked only when it leads to a folder below <paramref name="folder"/> not walked yet: a link out
    /// of it or a loop is reported once, as an error, and not followed.
    /// </summary>
    public static IReadOnlyList<string> MarkdownFiles(string folder, ICollection<ContentDiagnostic>? diagnostics)
    {
        var files = new List<string>();
        var rootFull = Path.GetFullPath(folder);
        var walked = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(folder) };
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
            {
                var path = Path.Combine(current, entry.Name);
                if (entry is not DirectoryInfo directory)
                {
                    if (entry.Name.StartsWith('_'))
                    {
                        continue;
                    }
                    if (entry.Name.EndsWith(".md", StringComparison.Ordinal))
                    {
                        files.Add(path);
                    }
                    else if (Path.GetExtension(entry.Name) is { } extension && MarkdownExtensions.Contains(extension))
                    {
                        // Saved as Markdown under another spelling: skipped, the case would be lost without a word.
                        diagnostics?.Add(new(path, 1, DiagnosticSeverity.Error,
                            $"extension « {extension} » : seuls les fichiers .md, en minuscules, sont des cas ; renommez-le {Path.GetFileNameWithoutExtension(entry.Name)}.md"));
                    }
                    continue;
                }
                var target = directory.LinkTarget is null ? Path.GetFullPath(path) : LinkTarget(directory);
                string? problem = target is null ? "lien symbolique cassé ou en boucle : dossier non parcouru"
                    : !IsInside(target, rootFull) ? $"lien symbolique vers le dossier « {target} », hors de « {folder} » : non suivi"
                    : !walked.Add(target) ? $"boucle de liens symboliques : ce dossier renvoie à « {target} », déjà parcouru : non suivi"
                    : null;
                if (problem is not null)
                {
                    diagnostics?.Add(new(path, 1, DiagnosticSeverity.Error, problem));
                    continue;
                }
                pending.Push(path);
            }
        }
        return files.Order(StringComparer.Ordinal).ToList();
    }

    private static string TooLarge(long? size) =>
        $"fichier {(size is { } s ? $"de {s.ToString(CultureInfo.InvariantCulture)} octets" : "trop grand")} ; {MaxBytes.ToString(CultureInfo.InvariantCulture)} octets (1 Mio) au plus";

    /// <summary>Why the file may not be opened, or null: checked on the file's type before any opening, so a FIFO never blocks.</summary>
    /// <param name="root">The folder links may point into; by default the file's own folder.</param>
    private static string? Refusal(string path, string? root)
    {
        // The usual case, a regular file and not a link, is told by one lstat, which gives its size too: the general
        // way below asks the system three times (the link, the type, the size) for each of a build's files.
        if (!OperatingSystem.IsWindows() && Syscall.lstat(path, out var status) == 0
            && (status.st_mode & FilePermissions.S_IFMT) == FilePermissions.S_IFREG)
        {
            return status.st_size > MaxBytes ? TooLarge(status.st_size) : null;
        }
        root ??= Path.GetDirectoryName(Path.GetFullPath(path))!;
        var info = new FileInfo(path);
        var real = path;
        if (info.LinkTarget is not null)
        {
            if (LinkTarget(info) is not { } target)
            {
                return "lien symbolique cassé ou en boucle : fichier non lu";
            }
            if (!IsInside(target, Path.GetFullPath(root)))
            {
                return $"lien symbolique vers « {target} », hors du dossier de contenu : fichier non lu";
            }
            real = target;
        }
        var kind = KindOf(real);
        if (kind is not null)
        {
            return $"{kind}, pas un fichier ordinaire : fichier non lu";
        }
        var size = new FileInfo(real).Length;
        return size > MaxBytes ? TooLarge(size) : null;
    }

    /// <summary>What the file is when it is not a regular file (a FIFO, a device...), or null for a regular file.</summary>
    private static string? KindOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // No FIFOs or device files in a Windows folder; a directory is the one other thing a name can be.
            return Directory.Exists(path) ? "dossier" : null;
        }
        return UnixFileSystemInfo.GetFileSystemEntry(path).FileType switch
        {
            FileTypes.RegularFile => null,
            FileTypes.Fifo => "tube nommé (FIFO)",
            FileTypes.CharacterDevice or FileTypes.BlockDevice => "périphérique",
            FileTypes.Socket => "socket",
            FileTypes.Directory => "dossier",
            _ => "fichier spécial",
        };
    }

    /// <summary>The full path a link finally leads to, or null when it is broken or loops.</summary>
    private static string? LinkTarget(FileSystemInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } target ? Path.GetFullPath(target.FullName) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>At most <paramref name="limit"/> bytes of the file, in a buffer of the shared pool, which the caller returns.</summary>
    private static (byte[] Buffer, int Length) ReadAtMost(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        // One byte more than the file's size, so that a file grown since is seen as such.
        var wanted = (int)Math.Min(limit, Math.Max(stream.Length, 0) + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(wanted);
        var read = 0;
        while (read < wanted)
        {
            var n = stream.Read(buffer, read, wanted - read);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        return (buffer, read);
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or null.</summary>
    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
            return status == OperationStatus.InvalidData ? read : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
