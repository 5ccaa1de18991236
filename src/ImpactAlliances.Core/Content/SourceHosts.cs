using YamlDotNet.RepresentationModel;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// The hosts a case may not cite (<c>content/source-hosts.yml</c>): document mirrors, content farms,
/// machine translations, transcripts and staging servers, which are not the original publisher.
/// </summary>
public sealed class SourceHosts
{
    /// <summary>The file, relative to the content folder.</summary>
    public const string FileName = "source-hosts.yml";

    private readonly List<(string Host, string Reason)> _hosts;
    private readonly List<(string Label, string Reason)> _labels;

    private SourceHosts(List<(string, string)> hosts, List<(string, string)> labels) => (_hosts, _labels) = (hosts, labels);

    /// <summary>No host rejected.</summary>
    public static readonly SourceHosts None = new([], []);

    /// <summary>Why an address may not be cited, or null when it may.</summary>
    public string? Rejection(Uri url)
    {
        var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();
        foreach (var (rejected, reason) in _hosts)
        {
            if (host == rejected || host.EndsWith('.' + rejected, StringComparison.Ordinal))
            {
                return reason;
            }
        }
        var labels = host.Split('.');
        return _labels.FirstOrDefault(l => labels.Any(h => h.StartsWith(l.Label, StringComparison.Ordinal))).Reason;
    }

    /// <summary>Reads the list; a missing file rejects nothing.</summary>
    public static SourceHosts Read(string path, ICollection<ContentDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            return None;
        }
        if (ContentFile.ReadText(path, diagnostics) is not { } text)
        {
            return None;
        }
        var root = YamlNodes.LoadMapping(path, text, lineOffset: 0, diagnostics);
        var hosts = new List<(string, string)>();
        var labels = new List<(string, string)>();
        if (root?.Children.TryGetValue(new YamlScalarNode("rejected"), out var list) != true || list is not YamlSequenceNode entries)
        {
            if (root is not null)
            {
                diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, "la liste « rejected: » des hôtes refusés est absente"));
            }
            return None;
        }
        foreach (var entry in entries)
        {
            var reason = entry is YamlMappingNode map ? YamlNodes.Scalar(map, "reason") : null;
            var host = entry is YamlMappingNode m1 ? YamlNodes.Scalar(m1, "host") : null;
            var label = entry is YamlMappingNode m2 ? YamlNodes.Scalar(m2, "label") : null;
            if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(host) == string.IsNullOrWhiteSpace(label))
            {
                diagnostics.Add(YamlNodes.Error(path, entry, 0, "chaque entrée s'écrit { host: exemple.fr, reason: \"…\" } ou { label: staging, reason: \"…\" }"));
                continue;
            }
            if (host is not null)
            {
                hosts.Add((host.Trim().ToLowerInvariant(), reason));
            }
            else
            {
                labels.Add((label!.Trim().ToLowerInvariant(), reason));
            }
        }
        return new SourceHosts(hosts, labels);
    }
}
