using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Querying;

/// <summary>
/// The synonyms of <c>content/synonyms.yml</c>, read again whenever the file changes, so that editing it
/// needs no index rebuild.
/// </summary>
public sealed partial class SynonymProvider(IOptions<SearchIndexOptions> options, ILogger<SynonymProvider> logger, TimeProvider clock) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = new FrenchAnalyzer(stem: true);
    private (DateTime Written, SynonymSet Set) _current = (DateTime.MinValue, SynonymSet.Empty);
    private long _nextCheck;

    /// <summary>The synonyms file.</summary>
    public string FilePath => Path.Combine(options.Value.ContentPath, SynonymSet.FileName);

    /// <summary>The current synonyms; a malformed file keeps the previous ones and logs why.</summary>
    public SynonymSet Current
    {
        get
        {
            // The file is looked at once a second at most, not on every search.
            var now = clock.GetTimestamp();
            if (now < Volatile.Read(ref _nextCheck))
            {
                return _current.Set;
            }
            Volatile.Write(ref _nextCheck, now + clock.TimestampFrequency);
            var written = File.Exists(FilePath) ? File.GetLastWriteTimeUtc(FilePath) : DateTime.MinValue;
            var current = _current;
            if (written == current.Written)
            {
                return current.Set;
            }
            lock (_lock)
            {
                if (written != _current.Written)
                {
                    var diagnostics = new List<ContentDiagnostic>();
                    var set = SynonymSet.Read(FilePath, _analyzer, diagnostics);
                    _current = (written, diagnostics.Count == 0 || _current.Set.Count == 0 ? set : _current.Set);
                    diagnostics.ForEach(d => LogProblem(logger, d, _current.Set.Count));
                }
                return _current.Set;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _analyzer.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic} (synonymes en service : {Rules} règles)")]
    private static partial void LogProblem(ILogger logger, ContentDiagnostic diagnostic, int rules);
}
