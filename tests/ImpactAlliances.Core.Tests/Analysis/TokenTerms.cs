using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace ImpactAlliances.Core.Tests.Analysis;

/// <summary>The terms token streams give, for the analysis tests.</summary>
internal static class TokenTerms
{
    /// <summary>Every term of a stream, which is consumed and closed.</summary>
    public static List<string> Of(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var terms = new List<string>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }
            stream.End();
            return terms;
        }
    }

    /// <summary>The terms a filter gives over the words of a text, split at white space only.</summary>
    public static List<string> Filtered(string text, Func<TokenStream, TokenStream> filter) =>
        Of(filter(new WhitespaceTokenizer(CaseStudySchema.Version, new StringReader(text))));
}
