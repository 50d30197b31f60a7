# jit-expect-compiled: tokenize peek expect parse_expr parse_power parse_unary parse_atom evaluate calc main
# A recursive-descent calculator compiled end to end: tokenizer, precedence levels handled by
# mutually recursive functions (right-associative **, unary minus binding looser than **),
# variables with assignment, function calls with argument counts checked, integer and Fraction
# arithmetic, and every error path (unexpected token, unknown name, wrong arity, division by
# zero, recursion limit from deeply nested parentheses) caught and printed.
import math
import operator
import sys
from fractions import Fraction

LEVELS = [("+", "-"), ("*", "/", "%")]
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "%": operator.mod, "**": operator.pow}
FUNCS = {"max": (2, max), "min": (2, min), "abs": (1, abs), "sqrt": (1, math.isqrt), "frac": (2, Fraction)}


class CalcError(Exception):
    pass


def tokenize(text):
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isalnum():
            j = i
            while j < len(text) and text[j].isalnum():
                j += 1
            word = text[i:j]
            out.append(("num", int(word)) if word.isdigit() else ("name", word))
            i = j
        elif ch in "+-*/(),=%":
            op = "**" if text.startswith("**", i) else ch
            out.append(("op", op))
            i += len(op)
        else:
            raise CalcError("bad character %r at %d" % (ch, i))
    out.append(("end", None))
    return out


def peek(st):
    return st["toks"][st["pos"]]


def expect(st, value):
    kind, v = peek(st)
    if v != value:
        raise CalcError("expected %r but found %r" % (value, v if kind != "end" else "end of input"))
    st["pos"] += 1


def parse_expr(st, level=0):
    if level == len(LEVELS):
        return parse_unary(st)
    node = parse_expr(st, level + 1)
    while peek(st)[1] in LEVELS[level]:
        op = peek(st)[1]
        st["pos"] += 1
        node = (op, node, parse_expr(st, level + 1))
    return node


def parse_unary(st):
    if peek(st)[1] == "-":
        st["pos"] += 1
        return ("neg", parse_unary(st))
    return parse_power(st)


def parse_power(st):
    base = parse_atom(st)
    if peek(st)[1] == "**":
        st["pos"] += 1
        return ("**", base, parse_unary(st))
    return base


def parse_atom(st):
    kind, v = peek(st)
    st["pos"] += 1
    if kind == "num":
        return ("num", v)
    elif kind == "name":
        if peek(st)[1] == "(":
            st["pos"] += 1
            args = [parse_expr(st)]
            while peek(st)[1] == ",":
                st["pos"] += 1
                args.append(parse_expr(st))
            expect(st, ")")
            return ("call", v, args)
        return ("var", v)
    if v == "(":
        node = parse_expr(st)
        expect(st, ")")
        return node
    raise CalcError("unexpected %r" % (v if kind != "end" else "end of input"))


def evaluate(node, env):
    tag = node[0]
    if tag == "num":
        return node[1]
    if tag == "var":
        try:
            return env[node[1]]
        except KeyError:
            raise CalcError("unknown variable %r" % node[1]) from None
    if tag == "neg":
        return -evaluate(node[1], env)
    if tag == "call":
        arity, fn = FUNCS.get(node[1], (None, None))
        if fn is None or arity != len(node[2]):
            raise CalcError("%s() takes %s arguments, got %d" % (node[1], arity, len(node[2])))
        return fn(*[evaluate(a, env) for a in node[2]])
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    if tag == "/":
        return Fraction(a, b) if isinstance(a, int) and isinstance(b, int) else a / b
    return OPS[tag](a, b)


def calc(line, env):
    try:
        toks = tokenize(line)
        target = None
        if len(toks) > 2 and toks[0][0] == "name" and toks[1][1] == "=":
            target, toks = toks[0][1], toks[2:]
        st = {"toks": toks, "pos": 0}
        tree = parse_expr(st)
        if peek(st)[0] != "end":
            raise CalcError("unexpected trailing %r" % (peek(st)[1],))
        value = evaluate(tree, env)
        if target:
            env[target] = value
        return "%s => %s" % (line, value)
    except (CalcError, ZeroDivisionError) as e:
        return "%s => %s: %s" % (line, type(e).__name__, e)
    except RecursionError:
        return "%s... => RecursionError" % line[:12]


def main():
    env = {}
    for line in ("1 + 2 * 3", "2 ** 3 ** 2", "-2 ** 2", "(1 + 2) * -3", "x = 7 % 4", "y = x * frac(1, 3)",
                 "y + 1/6", "max(x, 10) - min(2, sqrt(17))", "abs(-5) + z", "max(1)", "4 / (2 - 2)",
                 "1 +", "3 $ 4", "(1 + 2", "1 2", "frac(1, 0)"):
        print(calc(line, env))
    sys.setrecursionlimit(400)
    print(calc("(" * 500 + "1" + ")" * 500, env))
    sys.setrecursionlimit(1000)
    print(sorted(env.items()))


main()
