using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// An indexed string kept whole, as Lucene's <see cref="StringField"/>, whose one-token stream is reused by the
/// thread that indexes it: Lucene.Net makes a new stream for every <see cref="StringField"/> of every document,
/// and each new stream looks up its attribute classes under a lock that the building threads contend for.
/// </summary>
internal sealed class KeywordField(string name, string value, Field.Store store)
    : Field(name, value, store == Field.Store.YES ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED)
{
    [ThreadStatic]
    private static OneTokenStream? t_stream;

    /// <inheritdoc />
    public override TokenStream GetTokenStream(Analyzer analyzer)
    {
        var stream = t_stream ??= new OneTokenStream();
        stream.Value = GetStringValue(CultureInfo.InvariantCulture);
        return stream;
    }

    /// <summary>The value as one token, as <see cref="StringField"/>'s stream gives it.</summary>
    private sealed class OneTokenStream : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private bool _done;

        public OneTokenStream()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public string Value { private get; set; } = "";

        public override bool IncrementToken()
        {
            if (_done)
            {
                return false;
            }
            ClearAttributes();
            _term.SetEmpty().Append(Value);
            _offset.SetOffset(0, Value.Length);
            _done = true;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(Value.Length, Value.Length);
        }

        public override void Reset() => _done = false;
    }
}
