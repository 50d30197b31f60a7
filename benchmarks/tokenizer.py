"""An arithmetic-expression language: tokenizer, recursive-descent parser, tree evaluator.

Expressions with integers, decimals, variables, unary minus, + - * / % **, comparisons,
`if ... then ... else`, and calls of a few built-in functions are generated from a seeded
random generator, printed to source text, scanned character by character, parsed into an
AST of small classes and evaluated. Round-tripping (parse, print, parse) is checked too.
"""
import math
import random

EXPRESSIONS = 1_800
MAX_DEPTH = 6


class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos

    def __repr__(self):
        return f"Token({self.kind}, {self.text!r})"


class ParseError(Exception):
    pass


KEYWORDS = {"if", "then", "else", "and", "or", "not"}
OPERATORS = ["**", "<=", ">=", "==", "!=", "+", "-", "*", "/", "%", "<", ">", "(", ")", ","]


def tokenize(source):
    tokens = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < n and source[i + 1].isdigit()):
            start = i
            while i < n and source[i].isdigit():
                i += 1
            if i < n and source[i] == ".":
                i += 1
                while i < n and source[i].isdigit():
                    i += 1
                tokens.append(Token("float", source[start:i], start))
            else:
                tokens.append(Token("int", source[start:i], start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < n and (source[i].isalnum() or source[i] == "_"):
                i += 1
            word = source[start:i]
            tokens.append(Token("keyword" if word in KEYWORDS else "name", word, start))
        else:
            for op in OPERATORS:
                if source.startswith(op, i):
                    tokens.append(Token("op", op, i))
                    i += len(op)
                    break
            else:
                raise ParseError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("end", "", n))
    return tokens


class Node:
    pass


class Num(Node):
    def __init__(self, value):
        self.value = value

    def evaluate(self, env):
        return self.value

    def __str__(self):
        return repr(self.value)


class Var(Node):
    def __init__(self, name):
        self.name = name

    def evaluate(self, env):
        try:
            return env[self.name]
        except KeyError:
            raise NameError(f"undefined variable {self.name}") from None

    def __str__(self):
        return self.name


class Unary(Node):
    def __init__(self, op, operand):
        self.op = op
        self.operand = operand

    def evaluate(self, env):
        v = self.operand.evaluate(env)
        return -v if self.op == "-" else (not v)

    def __str__(self):
        sep = " " if self.op == "not" else ""
        return f"({self.op}{sep}{self.operand})"


BINARY = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}


class Binary(Node):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def evaluate(self, env):
        if self.op == "and":
            return self.left.evaluate(env) and self.right.evaluate(env)
        if self.op == "or":
            return self.left.evaluate(env) or self.right.evaluate(env)
        return BINARY[self.op](self.left.evaluate(env), self.right.evaluate(env))

    def __str__(self):
        return f"({self.left} {self.op} {self.right})"


class Conditional(Node):
    def __init__(self, test, then, otherwise):
        self.test = test
        self.then = then
        self.otherwise = otherwise

    def evaluate(self, env):
        return self.then.evaluate(env) if self.test.evaluate(env) else self.otherwise.evaluate(env)

    def __str__(self):
        return f"(if {self.test} then {self.then} else {self.otherwise})"


FUNCTIONS = {
    "min": min,
    "max": max,
    "abs": abs,
    "sqrt": lambda x: math.sqrt(abs(x)),
    "clamp": lambda x, lo, hi: max(lo, min(hi, x)),
}


class Call(Node):
    def __init__(self, name, args):
        self.name = name
        self.args = args

    def evaluate(self, env):
        return FUNCTIONS[self.name](*[a.evaluate(env) for a in self.args])

    def __str__(self):
        return f"{self.name}({', '.join(map(str, self.args))})"


class Parser:
    # binding powers, loosest first
    LEVELS = [("or",), ("and",), "not", ("<", ">", "<=", ">=", "==", "!="), ("+", "-"), ("*", "/", "%")]

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def advance(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, text):
        tok = self.advance()
        if tok.text != text:
            raise ParseError(f"expected {text!r}, found {tok.text!r} at {tok.pos}")
        return tok

    def parse(self):
        node = self.expression()
        if self.peek().kind != "end":
            raise ParseError(f"trailing input at {self.peek().pos}")
        return node

    def expression(self):
        if self.peek().text == "if":
            self.advance()
            test = self.expression()
            self.expect("then")
            then = self.expression()
            self.expect("else")
            return Conditional(test, then, self.expression())
        return self.binary(0)

    def binary(self, level):
        if level == len(self.LEVELS):
            return self.unary()
        ops = self.LEVELS[level]
        if ops == "not":
            if self.peek().text == "not":
                self.advance()
                return Unary("not", self.binary(level))
            return self.binary(level + 1)
        node = self.binary(level + 1)
        while self.peek().text in ops and self.peek().kind in ("op", "keyword"):
            op = self.advance().text
            node = Binary(op, node, self.binary(level + 1))
        return node

    def unary(self):
        tok = self.peek()
        if tok.text == "-":
            self.advance()
            return Unary(tok.text, self.unary())
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek().text == "**":
            self.advance()
            return Binary("**", base, self.unary())  # right-associative
        return base

    def atom(self):
        tok = self.advance()
        if tok.kind == "int":
            return Num(int(tok.text))
        if tok.kind == "float":
            return Num(float(tok.text))
        if tok.kind == "name":
            if self.peek().text == "(":
                self.advance()
                args = []
                if self.peek().text != ")":
                    args.append(self.expression())
                    while self.peek().text == ",":
                        self.advance()
                        args.append(self.expression())
                self.expect(")")
                return Call(tok.text, args)
            return Var(tok.text)
        if tok.text == "(":
            node = self.expression()
            self.expect(")")
            return node
        raise ParseError(f"unexpected {tok.text!r} at {tok.pos}")


def parse(source):
    return Parser(tokenize(source)).parse()


def random_source(rng, depth):
    """Source text of a random expression (deliberately with spacing and redundant parens)."""
    if depth == 0 or rng.random() < 0.2:
        r = rng.random()
        if r < 0.4:
            return str(rng.randint(0, 99))
        if r < 0.6:
            return f"{rng.randint(0, 9)}.{rng.randint(0, 99):02d}"
        return rng.choice(["x", "y", "z", "rate", "n_items"])
    r = rng.random()
    sub = lambda: random_source(rng, depth - 1)
    if r < 0.55:
        op = rng.choice(["+", "-", "*", "/", "%", "+", "*", "-"])
        return f"{sub()} {op} {sub()}"
    if r < 0.65:
        return f"({sub()})"
    if r < 0.72:
        return f"-{sub()}"
    if r < 0.80:
        return f"{rng.choice(['x', 'y', '2', '1.5'])} ** {rng.randint(0, 3)}"
    if r < 0.90:
        name = rng.choice(["min", "max", "abs", "sqrt", "clamp"])
        argc = {"abs": 1, "sqrt": 1, "clamp": 3}.get(name, 2)
        return f"{name}({', '.join(sub() for _ in range(argc))})"
    cmp = rng.choice(["<", ">", "<=", ">=", "==", "!="])
    return f"(if {sub()} {cmp} {sub()} and not {sub()} > 50 then {sub()} else {sub()})"


def main():
    rng = random.Random(2024)
    env = {"x": 3, "y": 2.5, "z": -7, "rate": 0.125, "n_items": 12}
    total = 0.0
    errors = {}
    tokens_seen = 0
    for i in range(EXPRESSIONS):
        source = random_source(rng, MAX_DEPTH)
        tokens_seen += len(tokenize(source))
        tree = parse(source)
        again = parse(str(tree))
        if str(again) != str(tree):
            raise AssertionError(f"round trip changed {source!r}")
        try:
            value = tree.evaluate(env)
            if isinstance(value, complex):
                raise ArithmeticError("complex result")
            if isinstance(value, float) and not math.isfinite(value):
                raise ArithmeticError("not finite")
            total += float(value) if abs(value) < 1e12 else 0.0
        except (ArithmeticError, OverflowError) as exc:
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
    print(f"{EXPRESSIONS} expressions, {tokens_seen} tokens")
    print("errors:", ", ".join(f"{k}={v}" for k, v in sorted(errors.items())))
    print(f"example: {parse('if x > 2 and not y == 2.5 then min(x, 3 ** 2) else -z % 5')} = "
          f"{parse('if x > 2 and not y == 2.5 then min(x, 3 ** 2) else -z % 5').evaluate(env)}")
    print(f"checksum {total:.6f} {tokens_seen}")


if __name__ == "__main__":
    main()
