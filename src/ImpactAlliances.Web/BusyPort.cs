using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace ImpactAlliances.Web;

/// <summary>
/// When the address the site should listen on is taken (often a preview already running), one French
/// message that names the option to choose another port, instead of Kestrel's stack trace.
/// </summary>
public static partial class BusyPort
{
    /// <summary>The logging category under which the host reports a failed start.</summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>The process's exit code when the port is taken.</summary>
    public const int ExitCode = 1;

    /// <summary>The message for a start that failed because its address is in use, or null for any other failure.</summary>
    /// <param name="exception">What starting the host threw.</param>
    /// <param name="args">The site's command-line arguments, repeated in the suggested command.</param>
    public static string? Explain(IOException exception, IReadOnlyList<string> args)
    {
        // Kestrel wraps it: "Failed to bind to address http://127.0.0.1:5000: address already in use."
        if (exception.InnerException is not AddressInUseException)
        {
            return null;
        }
        var address = Address().Match(exception.Message);
        var port = address.Success ? int.Parse(address.Groups["port"].Value, CultureInfo.InvariantCulture) : 5000;
        var scheme = address.Success ? address.Groups["scheme"].Value : "http";
        var others = string.Concat(WithoutUrls(args).Select(a => " " + a));
        return $"Le port {port} est déjà utilisé, sans doute par un autre site ou aperçu lancé. "
            + $"Arrêtez-le, ou lancez le site sur un autre port avec l'option --urls {scheme}://localhost:{port + 1} :"
            + $"{Environment.NewLine}  dotnet run --project src/ImpactAlliances.Web --{others} --urls {scheme}://localhost:{port + 1}";
    }

    private static IEnumerable<string> WithoutUrls(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--urls" or "--Urls")
            {
                i++;
            }
            else if (!args[i].StartsWith("--urls=", StringComparison.OrdinalIgnoreCase))
            {
                yield return args[i];
            }
        }
    }

    [GeneratedRegex(@"(?<scheme>https?)://[^\s/]*:(?<port>\d+)")]
    private static partial Regex Address();
}
