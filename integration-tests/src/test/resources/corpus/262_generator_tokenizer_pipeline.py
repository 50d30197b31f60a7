# jit-expect-compiled: chars tokens skip_comments lookahead parse_config parse_value main
# A regex-free tokenizer for a small config language built from chained generators (characters
# with line/column, tokens, comment filtering, a one-token buffer), consumed by a recursive
# parser. Errors carry line:column positions; when parsing stops early, closing the outer
# generator releases the inner ones and the tokenizer's finally runs at that moment.
log = []


class ConfigSyntaxError(Exception):
    def __init__(self, message, line, col):
        super().__init__("%s at %d:%d" % (message, line, col))


def chars(text):
    line, col = 1, 1
    for ch in text:
        yield ch, line, col
        if ch == "\n":
            line, col = line + 1, 1
        else:
            col += 1
    yield "", line, col


def tokens(text):
    stream = chars(text)
    ch, line, col = next(stream)
    try:
        while ch:
            if ch in " \t\n":
                ch, line, col = next(stream)
            elif ch == "#":
                start = (line, col)
                buf = []
                while ch and ch != "\n":
                    buf.append(ch)
                    ch, line, col = next(stream)
                yield "COMMENT", "".join(buf), start
            elif ch.isalpha() or ch == "_":
                start, buf = (line, col), []
                while ch and (ch.isalnum() or ch == "_"):
                    buf.append(ch)
                    ch, line, col = next(stream)
                yield "NAME", "".join(buf), start
            elif ch.isdigit() or ch == "-":
                start, buf = (line, col), [ch]
                ch, line, col = next(stream)
                while ch and ch.isdigit():
                    buf.append(ch)
                    ch, line, col = next(stream)
                yield "NUMBER", int("".join(buf)), start
            elif ch == '"':
                start, buf = (line, col), []
                ch, line, col = next(stream)
                while ch != '"':
                    if not ch or ch == "\n":
                        raise ConfigSyntaxError("unterminated string", *start)
                    buf.append(ch)
                    ch, line, col = next(stream)
                ch, line, col = next(stream)
                yield "STRING", "".join(buf), start
            elif ch in "{}=[],":
                yield ch, ch, (line, col)
                ch, line, col = next(stream)
            else:
                raise ConfigSyntaxError("unexpected character %r" % ch, line, col)
        yield "EOF", None, (line, col)
    finally:
        log.append("tokens finally")


def skip_comments(toks):
    for tok in toks:
        if tok[0] != "COMMENT":
            yield tok


def lookahead(toks):
    buffered = None
    for tok in toks:
        if buffered is not None:
            yield buffered
        buffered = tok
    if buffered is not None:
        yield buffered


def parse_value(kind, value, pos, stream):
    if kind in ("NUMBER", "STRING"):
        return value
    if kind == "NAME" and value in ("true", "false"):
        return value == "true"
    if kind == "[":
        items = []
        kind, value, pos = next(stream)
        while kind != "]":
            items.append(parse_value(kind, value, pos, stream))
            kind, value, pos = next(stream)
            if kind == ",":
                kind, value, pos = next(stream)
        return items
    if kind == "{":
        return parse_config(stream, closing="}")
    raise ConfigSyntaxError("unexpected %s" % kind, *pos)


def parse_config(stream, closing="EOF"):
    result = {}
    while True:
        kind, value, pos = next(stream)
        if kind == closing:
            return result
        if kind != "NAME":
            raise ConfigSyntaxError("expected a name, got %s" % kind, *pos)
        key = value
        kind, value, pos = next(stream)
        if kind != "=":
            raise ConfigSyntaxError("expected '=' after %s" % key, *pos)
        result[key] = parse_value(*next(stream), stream)


SOURCE = '''# server settings
name = "demo"   # inline comment
port = 8080
debug = false
limits = { cpu = 2 memory = [512, 1024, -1] }
tags = ["a", "b"]
'''


def main():
    print(parse_config(lookahead(skip_comments(tokens(SOURCE)))))
    print(log)
    for bad in ('x = "open\n', "a = 1\nb = @", "a = { b = }", "a 1", "= 3", "list = [1, 2"):
        log.clear()
        stream = lookahead(skip_comments(tokens(bad)))
        try:
            print(parse_config(stream))
        except ConfigSyntaxError as e:
            print("error:", e)
        except StopIteration:
            print("error: unexpected end of input")
        log.append("closing")
        stream.close()
        print("  log:", log)


main()
