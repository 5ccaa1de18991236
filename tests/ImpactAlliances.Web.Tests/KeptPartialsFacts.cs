using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// A partial view whose HTML depends only on its key (the footer on the index version) is rendered once per key and its
/// HTML written again (<see cref="KeptPartials"/>); the page's bytes themselves are held by the pages' tests.
/// </summary>
public sealed class KeptPartialsFacts
{
    [Fact]
    public async Task A_kept_partial_is_rendered_once_per_key_with_the_key_as_its_model()
    {
        var html = CountingHtml.Create();
        var kept = new KeptPartials();

        var first = await kept.GetAsync(html, "_Footer", "v1");
        var again = await kept.GetAsync(html, "_Footer", "v1");
        var legend = await kept.GetAsync(html, "_BadgeLegend", "");
        var next = await kept.GetAsync(html, "_Footer", "v2");
        var nextAgain = await kept.GetAsync(html, "_Footer", "v2");

        Assert.Equal(["_Footer:v1", "_BadgeLegend:", "_Footer:v2"], ((CountingHtml)html).Rendered);
        Assert.Equal("<p>_Footer &amp; v1</p>", Text(first));
        Assert.Equal(Text(first), Text(again));
        Assert.Equal("<p>_BadgeLegend &amp; </p>", Text(legend));
        Assert.Equal("<p>_Footer &amp; v2</p>", Text(next));
        Assert.Equal(Text(next), Text(nextAgain));
        // A view's buffer takes the kept HTML as text, and taking it leaves it whole for the next page.
        var buffer = new HtmlContentBuilder();
        ((IHtmlContentContainer)first).MoveTo(buffer);
        ((IHtmlContentContainer)first).MoveTo(buffer);
        Assert.Equal("<p>_Footer &amp; v1</p><p>_Footer &amp; v1</p>", Text(buffer));
    }

    private static string Text(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>An HTML helper whose partials write their name and model, encoded, and which counts them.</summary>
    public class CountingHtml : DispatchProxy
    {
        private readonly ViewContext _context = new()
        {
            HttpContext = new DefaultHttpContext
            {
                RequestServices = new ServiceCollection().AddSingleton(HtmlEncoder.Default).BuildServiceProvider(),
            },
        };

        public List<string> Rendered { get; } = [];

        public static IHtmlHelper Create() => Create<IHtmlHelper, CountingHtml>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case "get_ViewContext":
                    return _context;
                case nameof(IHtmlHelper.PartialAsync) when args is [string view, var model, _]:
                    Rendered.Add($"{view}:{model}");
                    var content = new HtmlContentBuilder().AppendHtml("<p>").Append($"{view} & {model}").AppendHtml("</p>");
                    return Task.FromResult<IHtmlContent>(content);
                default:
                    throw new NotSupportedException(targetMethod?.Name);
            }
        }
    }
}
