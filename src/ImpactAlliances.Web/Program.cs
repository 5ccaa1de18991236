using ImpactAlliances.Core;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Api;
using ImpactAlliances.Web.Search;

var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot and its build-time compressed copies from the build output in every environment, so
// that `dotnet run` works the same in Production as a published site does.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddCaseStudySearch(builder.Configuration);
builder.Services.AddHostedService<IndexRefreshService>();
builder.Services.AddRazorPages(options => options.Conventions.AddPageRoute("/Erreur", "/erreur/{code:int?}"));

var app = builder.Build();

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/erreur",
    StatusCodeSelector = ex => ex is IndexUnavailableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePagesWithReExecute("/erreur/{0}");
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapCaseStudyApi();

app.Run();

/// <summary>The site's entry point, visible to the integration tests' host.</summary>
public partial class Program;
