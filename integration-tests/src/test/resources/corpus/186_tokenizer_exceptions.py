# jit-expect-compiled: __init__ is_digit is_ident_char statement peek expr factor __repr__ run term unary take evaluate_or_die CalcError Parser Token tokenize
# A realistic tokenizer + recursive-descent calculator: tokens from a generator, a custom
# exception carrying the column, errors caught per input line and reported with a caret, variables
# assigned with `name = expr`, and a final uncaught error with a note (exit status 1).
class CalcError(Exception):
    def __init__(self, msg, col):
        super().__init__(msg)
        self.col = col


class Token:
    __slots__ = ("kind", "text", "col")

    def __init__(self, kind, text, col):
        self.kind = kind
        self.text = text
        self.col = col

    def __repr__(self):
        return f"{self.kind}:{self.text}"


def is_digit(ch):
    return "0" <= ch <= "9"


def is_ident_char(ch):
    return ch == "_" or "a" <= ch <= "z" or "A" <= ch <= "Z" or is_digit(ch)


def tokenize(src):
    i = 0
    n = len(src)
    while i < n:
        ch = src[i]
        if ch == " ":
            i += 1
            continue
        start = i
        if is_digit(ch) or ch == ".":
            while i < n and (is_digit(src[i]) or src[i] == "."):
                i += 1
            text = src[start:i]
            try:
                value = float(text) if "." in text else int(text)
            except ValueError:
                raise CalcError(f"bad number {text!r}", start) from None
            yield Token("num", value, start)
            continue
        if is_ident_char(ch):
            while i < n and is_ident_char(src[i]):
                i += 1
            yield Token("name", src[start:i], start)
            continue
        if ch in "+-*/()=^%":
            i += 1
            yield Token("op", ch, start)
            continue
        raise CalcError(f"unexpected character {ch!r}", start)
    yield Token("end", "", n)


class Parser:
    def __init__(self, tokens, env):
        self.tokens = list(tokens)
        self.pos = 0
        self.env = env

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None, text=None):
        tok = self.tokens[self.pos]
        if (kind and tok.kind != kind) or (text and tok.text != text):
            raise CalcError(f"expected {text or kind}, got {tok.text or 'end'!s}", tok.col)
        self.pos += 1
        return tok

    def statement(self):
        if self.peek().kind == "name" and self.tokens[self.pos + 1].text == "=":
            name = self.take("name").text
            self.take("op", "=")
            value = self.expr()
            self.env[name] = value
            return f"{name} = {value}"
        return self.expr()

    def expr(self):
        value = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek().text in ("*", "/", "%"):
            tok = self.take()
            rhs = self.factor()
            try:
                if tok.text == "*":
                    value *= rhs
                elif tok.text == "/":
                    value /= rhs
                else:
                    value %= rhs
            except ZeroDivisionError as e:
                raise CalcError(str(e), tok.col) from e
        return value

    def factor(self):
        base = self.unary()
        if self.peek().text == "^":
            self.take()
            return base ** self.factor()
        return base

    def unary(self):
        tok = self.peek()
        if tok.text == "-":
            self.take()
            return -self.unary()
        if tok.kind == "num":
            return self.take().text
        if tok.kind == "name":
            self.take()
            try:
                return self.env[tok.text]
            except KeyError:
                raise CalcError(f"undefined variable {tok.text}", tok.col)
        if tok.text == "(":
            self.take()
            value = self.expr()
            self.take("op", ")")
            return value
        raise CalcError(f"unexpected {tok.text or 'end'}", tok.col)


def run(lines):
    env = {}
    for line in lines:
        try:
            p = Parser(tokenize(line), env)
            result = p.statement()
            p.take("end")
            print(f"{line:<22} => {result}")
        except CalcError as e:
            print(f"{line:<22} !! {e}")
            print(" " * (e.col + 26) + "^")
    return env


env = run(["1 + 2 * 3", "x = 2 ^ 3 ^ 2", "x / (1 - 1)", "y = x % 7 - -4",
           "3 $ 4", "(1 + 2", "zz * 2", "1.2.3 + 1", "y * (x - 500) / 4", "7 7"])
print(sorted(env.items()))
print([t for t in tokenize("a1=(b_2+3.5)")])


def evaluate_or_die(src):
    try:
        return Parser(tokenize(src), env).statement()
    except CalcError as e:
        e.add_note(f"in expression {src!r} at column {e.col}")
        raise


print(evaluate_or_die("x + y"))
print(evaluate_or_die("x + q"))
