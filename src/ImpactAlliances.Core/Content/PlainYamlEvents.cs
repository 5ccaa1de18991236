using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using ScalarEvent = YamlDotNet.Core.Events.Scalar;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// Reads the plain YAML a case's front matter is written in into the events YamlDotNet's parser gives for it, marks
/// included, for several times less CPU than its scanner (a tenth of a build's CPU was the front matter's reading).
/// What it reads: a block mapping of keys (letters, digits, <c>_</c>, <c>-</c>) whose values sit on the key's line
/// (a one-line double-quoted text without escapes, a plain word of letters, digits, <c>_</c>, <c>.</c>, <c>-</c>, a
/// one-line flow list or flow mapping of those) or, indented below it, a block mapping of the same or a block list of
/// such values. Anything else (a comment, a blank line, a tab, an escape, a value on several lines, an anchor, a tag,
/// a single-quoted text, a character outside the printable ones...) gives null, and the text is read by YamlDotNet's
/// parser, which reports what is wrong with it: what is read here is only ever well-formed YAML.
/// </summary>
internal sealed class PlainYamlEvents
{
    private readonly string _text;
    private readonly List<(int Start, int End)> _lines = [];
    private readonly List<ParsingEvent> _events = new(96);
    private int _line;

    private PlainYamlEvents(string text) => _text = text;

    /// <summary>The parser's events for <paramref name="text"/>, or null when it is not YAML this reader takes.</summary>
    public static List<ParsingEvent>? Read(string text)
    {
        var reader = new PlainYamlEvents(text);
        return reader.ReadAll() ? reader._events : null;
    }

    private bool ReadAll()
    {
        if (!SplitLines() || _lines.Count == 0 || Indent(0) != 0)
        {
            return false;
        }
        var start = new Mark(0, 1, 1);
        _events.Add(new StreamStart(start, start));
        _events.Add(new DocumentStart(null, new TagDirectiveCollection(Constants.DefaultTagDirectives), true, start, start));
        if (!Block(0, sequence: false) || _line != _lines.Count)
        {
            return false;
        }
        var end = NextMark();
        _events.Add(new DocumentEnd(true, end, end));
        _events.Add(new StreamEnd(end, end));
        return true;
    }

    /// <summary>The lines, none blank, none ending in a space, no character below a space but the line breaks, no comment line.</summary>
    private bool SplitLines()
    {
        var start = 0;
        for (var i = 0; i <= _text.Length; i++)
        {
            if (i < _text.Length && _text[i] != '\n')
            {
                if (_text[i] < ' ')
                {
                    return false;
                }
                continue;
            }
            if (i == _text.Length && start == i && i > 0)
            {
                break; // the text ends with a line break
            }
            if (start == i || _text[i - 1] == ' ')
            {
                return false;
            }
            _lines.Add((start, i));
            var first = start + Indent(_lines.Count - 1);
            if (first == i || _text[first] == '#')
            {
                return false;
            }
            start = i + 1;
        }
        return true;
    }

    private int Indent(int line)
    {
        var (start, end) = _lines[line];
        var i = start;
        while (i < end && _text[i] == ' ')
        {
            i++;
        }
        return i - start;
    }

    private Mark MarkAt(int index) => new(index, _line + 1, index - _lines[_line].Start + 1);

    /// <summary>Where the next line's first character is, or the end of the text: where YamlDotNet ends block collections.</summary>
    private Mark NextMark()
    {
        if (_line < _lines.Count)
        {
            var indent = Indent(_line);
            return new(_lines[_line].Start + indent, _line + 1, indent + 1);
        }
        // The line after the last: no line is blank, so the text's line breaks are one per line, the last's optional.
        return new(_text.Length, _lines.Count + 1, 1);
    }

    /// <summary>A block mapping (<c>key: value</c> lines) or list (<c>- value</c> lines) whose lines start at <paramref name="indent"/>.</summary>
    private bool Block(int indent, bool sequence)
    {
        var first = MarkAt(_lines[_line].Start + indent);
        _events.Add(sequence
            ? new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, first, first)
            : new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, first, first));
        while (_line < _lines.Count)
        {
            var lineIndent = Indent(_line);
            if (lineIndent < indent)
            {
                break;
            }
            var (start, end) = _lines[_line];
            var at = start + indent;
            if (lineIndent > indent || !(sequence ? Item(at, end) : Entry(at, end, indent)))
            {
                return false;
            }
        }
        var close = NextMark();
        _events.Add(sequence ? new SequenceEnd(close, close) : new MappingEnd(close, close));
        return true;
    }

    /// <summary>A list's line: <c>- </c> and a value.</summary>
    private bool Item(int dash, int end) =>
        _text[dash] == '-' && dash + 1 < end && _text[dash + 1] == ' ' && LineValue(dash + 1, end);

    /// <summary>A mapping's line: a key and <c>:</c>, then a value after a space or, below it and further indented, a block.</summary>
    private bool Entry(int at, int end, int indent)
    {
        var keyEnd = Key(at, end);
        if (keyEnd < 0 || keyEnd >= end || _text[keyEnd] != ':')
        {
            return false;
        }
        var colon = keyEnd + 1;
        if (colon < end)
        {
            return _text[colon] == ' ' && LineValue(colon, end);
        }
        _line++;
        if (_line == _lines.Count || Indent(_line) <= indent)
        {
            return false;
        }
        var inner = Indent(_line);
        return Block(inner, sequence: _text[_lines[_line].Start + inner] == '-');
    }

    /// <summary>The value after the spaces from <paramref name="at"/>, which must end the line; moves to the next line.</summary>
    private bool LineValue(int at, int end)
    {
        while (_text[at] == ' ')
        {
            at++;
        }
        if (Value(at, end, flow: false) != end)
        {
            return false;
        }
        _line++;
        return true;
    }

    /// <summary>Reads a value at <paramref name="at"/>; the index after it, or -1.</summary>
    private int Value(int at, int end, bool flow) => _text[at] switch
    {
        '"' => Quoted(at, end),
        '[' when !flow => FlowSequence(at, end),
        '{' when !flow => FlowMapping(at, end),
        _ => Plain(at, end),
    };

    /// <summary>
    /// The longest key YAML allows without <c>?</c> (1024 characters): YamlDotNet's scanner rejects a longer one, which is
    /// left to it, to say so.
    /// </summary>
    private const int MaxKeyLength = 1024;

    /// <summary>A key's end: a letter or <c>_</c>, then letters, digits, <c>_</c> and <c>-</c>, 1024 at most; -1 when none.</summary>
    private int Key(int at, int end)
    {
        if (at >= end || !(char.IsAsciiLetter(_text[at]) || _text[at] == '_'))
        {
            return -1;
        }
        var i = at + 1;
        while (i < end && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] is '_' or '-'))
        {
            i++;
        }
        if (i - at > MaxKeyLength)
        {
            return -1;
        }
        _events.Add(new ScalarEvent(AnchorName.Empty, TagName.Empty, _text[at..i], ScalarStyle.Plain, true, false, MarkAt(at), MarkAt(i), true));
        return i;
    }

    /// <summary>A plain word: a letter or digit, then letters, digits, <c>_</c>, <c>.</c> and <c>-</c>.</summary>
    private int Plain(int at, int end)
    {
        if (!char.IsAsciiLetterOrDigit(_text[at]))
        {
            return -1;
        }
        var i = at + 1;
        while (i < end && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] is '_' or '.' or '-'))
        {
            i++;
        }
        _events.Add(new ScalarEvent(AnchorName.Empty, TagName.Empty, _text[at..i], ScalarStyle.Plain, true, false, MarkAt(at), MarkAt(i), false));
        return i;
    }

    /// <summary>A double-quoted text closed on its line, without escapes, of printable characters that break no line.</summary>
    private int Quoted(int at, int end)
    {
        var i = at + 1;
        while (i < end && _text[i] != '"')
        {
            var c = _text[i];
            if (c == '\\' || !(c is >= ' ' and <= '~' or >= '\u00A0' and < '\uD800' or >= '\uE000' and <= '\uFFFD') || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                return -1;
            }
            i++;
        }
        if (i == end)
        {
            return -1;
        }
        _events.Add(new ScalarEvent(AnchorName.Empty, TagName.Empty, _text[(at + 1)..i], ScalarStyle.DoubleQuoted, false, true, MarkAt(at), MarkAt(i + 1), false));
        return i + 1;
    }

    private int Spaces(int at, int end)
    {
        while (at < end && _text[at] == ' ')
        {
            at++;
        }
        return at;
    }

    /// <summary>A one-line flow list of quoted texts and plain words, <c>[a, b]</c> or <c>[]</c>.</summary>
    private int FlowSequence(int at, int end)
    {
        var open = MarkAt(at);
        _events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, open, open));
        var i = Spaces(at + 1, end);
        return i < end && _text[i] == ']' ? Close(i, mapping: false) : FlowItems(i, end, mapping: false);
    }

    /// <summary>A one-line flow mapping of keys to quoted texts and plain words: <c>{ name: "…", actor: association }</c>.</summary>
    private int FlowMapping(int at, int end)
    {
        var open = MarkAt(at);
        _events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, open, open));
        return FlowItems(Spaces(at + 1, end), end, mapping: true);
    }

    /// <summary>A flow collection's items from <paramref name="at"/> to its closing bracket, one at least, separated by commas.</summary>
    private int FlowItems(int at, int end, bool mapping)
    {
        var i = at;
        while (i < end)
        {
            if (mapping)
            {
                i = Key(i, end);
                if (i < 0 || i + 1 >= end || _text[i] != ':' || _text[i + 1] != ' ')
                {
                    return -1;
                }
                i = Spaces(i + 1, end);
            }
            i = Value(i, end, flow: true);
            if (i < 0)
            {
                return -1;
            }
            i = Spaces(i, end);
            if (i < end && _text[i] == (mapping ? '}' : ']'))
            {
                return Close(i, mapping);
            }
            if (i >= end || _text[i] != ',')
            {
                return -1;
            }
            i = Spaces(i + 1, end);
        }
        return -1;
    }

    private int Close(int at, bool mapping)
    {
        var mark = MarkAt(at);
        _events.Add(mapping ? new MappingEnd(mark, mark) : new SequenceEnd(mark, mark));
        return at + 1;
    }
}
