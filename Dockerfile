# The site as a stateless container (docs/DEPLOYMENT.md). Multi-stage: the SDK image restores and
# publishes; the runtime image is Ubuntu chiseled with ICU (French collation and dates), no shell, no
# package manager, and runs as the non-root `app` user. The index is not in the image: it is fetched at
# start and while running from Index__Source (an artifact folder or http(s) address, made by the
# indexer's `publish` command) into Index__Path, the only place the site writes.
#
#   docker build -t impact-alliances .
#   docker run --read-only --tmpfs /tmp --tmpfs /index -p 8080:8080 \
#     -e Index__Source=https://artifacts.example/index impact-alliances

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that the layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ImpactAlliances.Core/ImpactAlliances.Core.csproj src/ImpactAlliances.Core/
COPY src/ImpactAlliances.Web/ImpactAlliances.Web.csproj src/ImpactAlliances.Web/
RUN dotnet restore src/ImpactAlliances.Web/ImpactAlliances.Web.csproj
COPY src/ src/
RUN dotnet publish src/ImpactAlliances.Web/ImpactAlliances.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final
WORKDIR /app
COPY --from=build /app .
# DOTNET_GCgen0size: a young generation of 32 MB before each collection (docs/DEPLOYMENT.md, « Garbage collector »);
# the runtime reads it from the environment only. tools/ops/lib.sh starts the measured site with the same.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_GCgen0size=0x2000000 \
    Index__Path=/index \
    Index__SourceInterval=00:00:05
# Mount a tmpfs or volume here: with a read-only root filesystem it is the only writable folder.
VOLUME ["/index"]
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=6s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/ImpactAlliances.Web.dll", "--probe", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["dotnet", "/app/ImpactAlliances.Web.dll"]
