using System.Text.Encodings.Web;
using System.Text.Unicode;
using ImpactAlliances.Core;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Releases;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web;
using ImpactAlliances.Web.Api;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.WebEncoders;
using OpenTelemetry.Metrics;

// The container's HEALTHCHECK: chiseled images have no shell or curl to ask the probe (Dockerfile).
if (args is [Operations.ProbeArgument, var probeUrl])
{
    return await Operations.ProbeAsync(probeUrl);
}

// Opening an index needs the place gazetteer (35,000 names, a fifth of a second to read): read it on the other
// core while the host is built, which takes longer.
_ = Task.Run(() => PlaceGazetteer.Official);

// The settings files are read once: watching them for changes (the host's default) set up file watchers over the
// content root on every start, for files no one edits under a running site. Given first, so that a command line
// can still turn it back on. The content root is the site's own folder when started from elsewhere (ContentRoot).
// The slim builder: the default one's extras this site does not use (hosting startup assemblies, IIS, the debug and
// EventSource log providers, HTTP/3, regular-expression route constraints) cost the start's thread 30 to 60 ms of CPU
// (BENCHMARKS.md, twenty-seventh session). Settings sources, host filtering and forwarded headers are the same.
var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false", .. ContentRoot.Arguments(args), .. args]);
// https:// addresses in --urls or Kestrel:Endpoints, and Kestrel's certificate settings, work as with the default builder.
builder.WebHost.UseKestrelHttpsConfiguration();
// The slim builder adds its console logger with the simple format, after the settings: read the format from them again
// (appsettings.json writes JSON lines, Development one plain line per entry).
builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
// Serve wwwroot and its build-time compressed copies from the build output in every environment, so
// that `dotnet run` works the same in Production as a published site does.
builder.WebHost.UseStaticWebAssets();
// `dotnet run` serves the build's asset manifest, for which ASP.NET Core would send every asset with no-cache;
// keep the manifest's own headers instead, as a published site does: fingerprinted assets are immutable for a
// year (a changed file gets a new name), the others revalidate with their ETag.
builder.Configuration["EnableStaticAssetsDevelopmentCaching"] ??= "true";
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
// The host logs a failed start with its stack trace before throwing; a busy port is explained in French
// below instead, and any other start-up failure still ends the process as an unhandled exception.
var started = false;
builder.Logging.AddFilter(BusyPort.HostCategory, level => level >= LogLevel.Information && (started || level < LogLevel.Error));
// HTML and JSON compress to a fraction of their size; Brotli first, gzip for older clients.
builder.Services.AddResponseCompression(options =>
{
    options.EnableForHttps = true;
    options.MimeTypes = ["text/html", "application/json", "application/problem+json", "text/csv", "application/vnd.citationstyles.csl+json",
        Discovery.AtomType, "application/xml"];
});

builder.Services.AddCaseStudySearch(builder.Configuration);
builder.Services.AddPublicApi();
// French pages: write accented letters as they are instead of as numeric entities.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddOptions<RepositoryOptions>().BindConfiguration("Repository");
builder.Services.AddOptions<LegalOptions>().BindConfiguration("Legal");
builder.Services.AddSingleton(new ReleaseCatalog(RepositoryPaths.Resolve(builder.Configuration["Releases:Path"] ?? "releases")));
builder.Services.AddHealthChecks().AddCheck<IndexReadyCheck>("index", tags: ["ready"]);
builder.AddOperations();
builder.Services.AddHttpClient();
if (builder.Configuration["Index:Source"] is { Length: > 0 })
{
    // Registered first: it fetches the index before IndexRefreshService opens it.
    builder.Services.AddHostedService<IndexSourceService>();
}
builder.Services.AddSingleton<IndexRefreshService>();
builder.Services.AddHostedService(services => services.GetRequiredService<IndexRefreshService>());
if (builder.Configuration.GetValue<bool>("Content:Watch"))
{
    builder.Services.AddHostedService<ContentWatchService>();
}
builder.Services.AddSingleton<BrokenCasePreview>();
builder.Services.AddRazorPages(options => options.Conventions.AddPageRoute("/Erreur", "/erreur/{code:int?}"));
// Razor Pages register Data Protection for antiforgery tokens, and with it a hosted service that reads the key ring (or makes
// and writes a key) before the server listens. The site's forms are GET forms and it answers no other method (ReadOnlySite),
// so no token or cookie is ever protected: nothing needs a key, and one would still be made on first use if something did
// (BENCHMARKS.md, twenty-ninth session). The service is internal to the framework, hence its name.
if (builder.Services.FirstOrDefault(service => service.ServiceType == typeof(IHostedService)
        && service.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService") is { } keyRingAtStart)
{
    builder.Services.Remove(keyRingAtStart);
}

var app = builder.Build();
// A large index takes the other core a second to open and warm: start now, while the pipeline is set up and the
// server starts, rather than when the hosted services start (BENCHMARKS.md, seventeenth session).
app.Services.GetRequiredService<IndexRefreshService>().BeginOpening();
// Razor Pages' action descriptors (every page's model, handlers and bound properties) and OpenTelemetry's meter provider
// would be built on this thread, the path every first answer waits for, by MapRazorPages and MapOperations: build them on
// the pool while this thread sets up the middleware, and wait for them there. Both still exist before the server
// listens, so every page and every measurement is the same (BENCHMARKS.md, twenty-seventh session).
var pageActions = Task.Run(() => app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors);
var meters = Task.Run(app.Services.GetRequiredService<MeterProvider>);

app.UseSecurityHeaders();
app.UseOperations();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/erreur",
    StatusCodeSelector = ex => ex is IndexUnavailableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePagesWithReExecute("/erreur/{0}");
// Before the read-only check: it answers the API's CORS preflight (OPTIONS) itself. Made here rather than by UseCors, whose
// binder compiles an expression tree at start to hand Invoke the policy provider from each request's services
// (BENCHMARKS.md, twenty-ninth session); the same middleware with the same provider per request.
app.Use(next =>
{
    var cors = new CorsMiddleware(next, app.Services.GetRequiredService<ICorsService>(), app.Services.GetRequiredService<ILoggerFactory>());
    return context => cors.Invoke(context, context.RequestServices.GetRequiredService<ICorsPolicyProvider>());
});
app.UseReadOnlyMethods();
// Inside the rate limiter, the CORS policy and the error pages: a kept answer still counts and is still shaped.
app.UseOutputCache();
// Inside the output cache, which keeps each answer as compressed for each Accept-Encoding: compressing a kept
// page again for every browser took half of its time (BENCHMARKS.md). Error pages, re-executed, pass here too.
app.UseResponseCompression();
app.MapStaticAssets().WithPublicImmutableCaching();
pageActions.GetAwaiter().GetResult();
app.MapRazorPages().WithStaticAssets();
meters.GetAwaiter().GetResult();
app.MapOperations();
app.MapPublicApi();
app.MapDiscovery();
app.MapReleaseFiles();

app.Lifetime.ApplicationStarted.Register(() => started = true);
try
{
    await app.RunAsync();
}
catch (IOException ex) when (BusyPort.Explain(ex, args) is { } message)
{
    Console.Error.WriteLine(message);
    return BusyPort.ExitCode;
}
return 0;

/// <summary>The site's entry point, visible to the integration tests' host.</summary>
public partial class Program;
