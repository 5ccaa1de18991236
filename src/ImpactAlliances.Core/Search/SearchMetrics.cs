using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// The search's own instruments, on the <see cref="MeterName"/> meter: how long the engine takes, how
/// often the result cache answers, and which index version is served. The site exports them (OpenTelemetry).
/// </summary>
public sealed class SearchMetrics
{
    /// <summary>The meter's name, to subscribe to it.</summary>
    public const string MeterName = "ImpactAlliances";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>; the gauge reads the open version of <paramref name="index"/>.</summary>
    public SearchMetrics(IMeterFactory meters, CaseStudyIndex index)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(index);
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram("impact_alliances.search.duration", "s",
            "Time the engine takes for one search (cache misses only)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        _cacheHits = meter.CreateCounter<long>("impact_alliances.search.cache.hits", description: "Searches answered from the result cache");
        _cacheMisses = meter.CreateCounter<long>("impact_alliances.search.cache.misses", description: "Searches the engine had to run");
        // The build time of the served version: it grows with each version, so replicas can be compared; the name is a tag.
        meter.CreateObservableGauge("impact_alliances.index.version", () => index.OpenVersionBuiltAt is { } built
                ? [new Measurement<long>(built.ToUnixTimeSeconds(), new KeyValuePair<string, object?>("version", index.OpenVersion))]
                : Array.Empty<Measurement<long>>(),
            "s", "Build time (Unix seconds) of the index version being served, tagged with its name");
    }

    /// <summary>Runs one search on the engine, timing it.</summary>
    public T Time<T>(Func<T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var start = Stopwatch.GetTimestamp();
        var result = search();
        _duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        return result;
    }

    /// <summary>Counts a search answered from the cache, or not.</summary>
    public void CacheLookup(bool hit) => (hit ? _cacheHits : _cacheMisses).Add(1);
}
