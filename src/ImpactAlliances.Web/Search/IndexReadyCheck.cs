using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImpactAlliances.Web.Search;

/// <summary>Ready when an index version is open: before that, a load balancer should send no traffic here.</summary>
public sealed class IndexReadyCheck(CaseStudyIndex index) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.OpenVersion is { } version
            ? HealthCheckResult.Healthy($"index {version}")
            : HealthCheckResult.Unhealthy("aucun index ouvert"));
}
