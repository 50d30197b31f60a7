# jit-expect-compiled: generate_source characters tokenize drop_comments numbered advance expect statement expression comparison additive term unary primary arguments run_program checksum parse_error_cases main
# A generator pipeline doing real work: a deterministic source text of a few thousand tokens
# (let/print statements, arithmetic, comparisons, calls, comments) flows through generators
# (characters -> tokens -> comment filter -> numbering), and a recursive-descent parser pulls the
# tokens with next() and evaluates as it parses. A checksum over the token stream and the printed
# values, and malformed programs reporting their error position.
class ParseError(Exception):
    pass


KEYWORDS = {"let", "print", "if", "else"}
SINGLE = set("+-*/%(),;=<>!")


def generate_source(n_statements, seed):
    state = seed
    lines = []
    names = []

    def rand(k):
        nonlocal state
        state = (state * 1103515245 + 12345) % 2147483648
        return (state >> 8) % k

    def operand(depth):
        choice = rand(6 if depth < 3 else 3)
        if choice <= 1 or not names:
            return str(rand(100) + 1)
        if choice == 2:
            return names[rand(len(names))]
        if choice == 3:
            return "(%s)" % expr(depth + 1)
        if choice == 4:
            return "max(%s, %s)" % (expr(depth + 1), operand(depth + 1))
        return "-" + operand(depth + 1)

    def expr(depth):
        parts = [operand(depth)]
        for _ in range(rand(3)):
            parts.append("+-*%"[rand(4)])
            parts.append(operand(depth))
        return " ".join(parts)

    for i in range(n_statements):
        kind = rand(10)
        if kind < 5 or not names:
            name = "v%d" % rand(12)
            lines.append("let %s = %s;" % (name, expr(0)))
            if name not in names:
                names.append(name)
        elif kind < 8:
            lines.append("print %s;" % expr(0))
        elif kind < 9:
            lines.append("print %s %s %s;" % (expr(1), ["<", ">", "==", "!=", "<=", ">="][rand(6)], expr(1)))
        else:
            lines.append("# comment %d with let and print; inside" % i)
    return "\n".join(lines) + "\n"


def characters(text):
    line, col = 1, 1
    for ch in text:
        yield ch, line, col
        if ch == "\n":
            line += 1
            col = 1
        else:
            col += 1
    yield "", line, col


def tokenize(chars):
    chars = iter(chars)
    ch, line, col = next(chars)
    while ch:
        if ch in " \t\n":
            ch, line, col = next(chars)
        elif ch == "#":
            start = (line, col)
            text = []
            while ch and ch != "\n":
                text.append(ch)
                ch, line, col = next(chars)
            yield ("comment", "".join(text), start)
        elif ch.isdigit():
            start = (line, col)
            digits = []
            while ch.isdigit():
                digits.append(ch)
                ch, line, col = next(chars)
            yield ("num", int("".join(digits)), start)
        elif ch.isalpha() or ch == "_":
            start = (line, col)
            letters = []
            while ch and (ch.isalnum() or ch == "_"):
                letters.append(ch)
                ch, line, col = next(chars)
            word = "".join(letters)
            yield ("kw" if word in KEYWORDS else "name", word, start)
        elif ch in SINGLE:
            start = (line, col)
            first = ch
            ch, line, col = next(chars)
            if first in "<>=!" and ch == "=":
                ch, line, col = next(chars)
                yield ("op", first + "=", start)
            elif first == "!":
                raise ParseError("lone '!' at %d:%d" % start)
            else:
                yield ("op", first, start)
        else:
            raise ParseError("unexpected character %r at %d:%d" % (ch, line, col))
    yield ("eof", None, (line, col))


def drop_comments(tokens, counts):
    for tok in tokens:
        if tok[0] == "comment":
            counts["comments"] += 1
            continue
        yield tok


def numbered(tokens):
    index = 0
    for kind, value, pos in tokens:
        yield index, kind, value, pos
        index += 1


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.current = None
        self.env = {}
        self.output = []
        self.consumed = 0
        self.advance()

    def advance(self):
        tok = self.current
        self.current = next(self.tokens)
        self.consumed += 1
        return tok

    def expect(self, kind, value=None):
        index, k, v, pos = self.current
        if k != kind or (value is not None and v != value):
            raise ParseError("expected %s %r, got %s %r at %d:%d (token %d)" % (kind, value, k, v, pos[0], pos[1], index))
        return self.advance()

    def program(self):
        while self.current[1] != "eof":
            self.statement()
        return self.output

    def statement(self):
        _, kind, value, pos = self.current
        if kind == "kw" and value == "let":
            self.advance()
            name = self.expect("name")[2]
            self.expect("op", "=")
            self.env[name] = self.expression()
        elif kind == "kw" and value == "print":
            self.advance()
            self.output.append(self.expression())
        else:
            raise ParseError("statement cannot start with %r at %d:%d" % (value, pos[0], pos[1]))
        self.expect("op", ";")

    def expression(self):
        return self.comparison()

    def comparison(self):
        left = self.additive()
        _, kind, op, _ = self.current
        if kind == "op" and op in ("<", ">", "==", "!=", "<=", ">="):
            self.advance()
            right = self.additive()
            if op == "<":
                return int(left < right)
            if op == ">":
                return int(left > right)
            if op == "==":
                return int(left == right)
            if op == "!=":
                return int(left != right)
            if op == "<=":
                return int(left <= right)
            return int(left >= right)
        return left

    def additive(self):
        value = self.term()
        while self.current[1] == "op" and self.current[2] in "+-":
            op = self.advance()[2]
            right = self.term()
            value = value + right if op == "+" else value - right
        return value

    def term(self):
        value = self.unary()
        while self.current[1] == "op" and self.current[2] in "*/%":
            op = self.advance()[2]
            right = self.unary()
            if op == "*":
                value = (value * right) % 1000003
            elif right == 0:
                value = 0
            elif op == "/":
                value = value // right
            else:
                value = value % right
        return value

    def unary(self):
        if self.current[1] == "op" and self.current[2] == "-":
            self.advance()
            return -self.unary()
        return self.primary()

    def primary(self):
        index, kind, value, pos = self.current
        if kind == "num":
            self.advance()
            return value
        if kind == "name":
            self.advance()
            if self.current[1] == "op" and self.current[2] == "(":
                return self.call(value, pos)
            if value not in self.env:
                raise ParseError("undefined variable %s at %d:%d" % (value, pos[0], pos[1]))
            return self.env[value]
        if kind == "op" and value == "(":
            self.advance()
            inner = self.expression()
            self.expect("op", ")")
            return inner
        raise ParseError("unexpected %s %r at %d:%d" % (kind, value, pos[0], pos[1]))

    def call(self, name, pos):
        self.expect("op", "(")
        args = list(self.arguments())
        self.expect("op", ")")
        if name == "max":
            return max(args)
        if name == "min":
            return min(args)
        raise ParseError("unknown function %s at %d:%d" % (name, pos[0], pos[1]))

    def arguments(self):
        yield self.expression()
        while self.current[1] == "op" and self.current[2] == ",":
            self.advance()
            yield self.expression()


def checksum(values, seed=17):
    h = seed
    for v in values:
        h = (h * 31 + (hash(v) if isinstance(v, int) else sum(map(ord, str(v))))) % 4294967291
    return h


def run_program(text):
    counts = {"comments": 0}
    token_log = []

    def tap(tokens):
        for tok in tokens:
            token_log.append(tok[0])
            yield tok

    pipeline = numbered(tap(drop_comments(tokenize(characters(text)), counts)))
    parser = Parser(pipeline)
    output = parser.program()
    return output, parser.consumed, counts["comments"], token_log, parser.env


def parse_error_cases():
    bad = [
        "let x = 1 + ;",
        "print (1 + 2;",
        "let = 5;",
        "print y;",
        "print 3 $ 4;",
        "print !3;",
        "foo 1;",
        "print min(1, 2) + pow(2, 3);",
        "let a = 1\nprint a;",
    ]
    out = []
    for src in bad:
        try:
            out.append(("ok", run_program(src)[0]))
        except ParseError as e:
            out.append(("ParseError", str(e)))
    return out


def main():
    text = generate_source(400, seed=2024)
    output, consumed, comments, token_log, env = run_program(text)
    kinds = {}
    for k in token_log:
        kinds[k] = kinds.get(k, 0) + 1
    print("source chars:", len(text), "lines:", text.count("\n"))
    print("tokens consumed:", consumed, "comments:", comments)
    print("token kinds:", sorted(kinds.items()))
    print("printed values:", len(output), "first:", output[:6], "last:", output[-3:])
    print("variables:", sorted(env.items())[:5])
    print("checksum tokens:", checksum(token_log))
    print("checksum output:", checksum(output))
    print("checksum env:", checksum(sorted(env.items())))
    small = run_program("let a = 2 * (3 + 4); print a; print max(a, 50, -a) % 7; print -a >= -14; # done\n")
    print(small[0], small[1], small[2], small[4])
    for row in parse_error_cases():
        print(row)


main()
