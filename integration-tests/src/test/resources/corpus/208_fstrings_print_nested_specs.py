# jit-expect-compiled: table_rows nested_specs conversions debug_specifier number_formats pep701_nesting custom_format print_forms format_errors <lambda> __format__ __repr__ main
# print and f-strings inside functions: format specs built from other expressions
# (f"{x:{width}.{prec}f}", fill, align, sign and type from variables), !r, !s and !a conversions,
# the = debugging specifier with conversions and specs, integer and float presentation types,
# grouping, z, PEP 701 nesting (same quotes, nested f-strings, multi-line expressions), a class
# with __format__, print with sep/end/file/flush, and the ValueError/TypeError messages of bad
# format specs.
import datetime
import decimal
import io
import sys


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return "%d.%02d" % divmod(self.cents, 100)
        if spec == "words":
            return "%d dollars and %d cents" % divmod(self.cents, 100)
        if spec.startswith("pad"):
            return format("%d.%02d" % divmod(self.cents, 100), ">" + spec[3:])
        raise ValueError("Money does not understand %r" % spec)

    def __repr__(self):
        return "Money(%d)" % self.cents

    def __str__(self):
        return "$" + format(self)


def table_rows(rows, width, prec):
    lines = []
    header = f"{'name':<{width}}|{'value':>{width}}|{'share':^{width}}"
    lines.append(header)
    lines.append(f"{'':-<{width * 3 + 2}}")
    total = sum(v for _, v in rows)
    for name, value in rows:
        lines.append(f"{name:<{width}}|{value:>{width}.{prec}f}|{value / total:^{width}.{prec - 1}%}")
    lines.append(f"{'total':<{width}}|{total:>{width},.{prec}f}|{1:^{width}.0%}")
    return lines


def nested_specs():
    out = []
    for fill, align, width in (("*", "<", 8), ("0", ">", 6), (" ", "^", 9), ("_", "=", 7)):
        out.append(f"[{42:{fill}{align}{width}}]")
    for sign in ("+", "-", " "):
        out.append(f"[{3.5:{sign}.1f}][{-3.5:{sign}.1f}]")
    for kind in "dxXobn":
        out.append(f"{255:{'#' if kind in 'xXob' else ''}{kind}}")
    prec = 3
    out.append(f"{3.14159:.{prec}}|{3.14159:.{prec}e}|{314159:.{prec}g}|{0.000314:.{prec - 1}g}")
    spec = ">10.2f"
    out.append(f"[{2.71828:{spec}}]")
    out.append(f"[{'abc':{'^'}{len('abcdefg')}}]")
    out.append(f"{'truncated string':.{5}}")
    return out


def conversions(values):
    out = []
    for v in values:
        out.append(f"{v!s}|{v!r}|{v!a}|{v!r:>14}|{str(v)!r:.6}")
    return out


def debug_specifier(x, name):
    total = x * 3
    items = [x, x + 1]
    return [
        f"{x=}",
        f"{x = }",
        f"{total=:>8}",
        f"{x * 2.5=:.3f}",
        f"{name=}",
        f"{name=!s}",
        f"{name=!a}",
        f"{items[-1]=}",
        f"{len(items) =   }",
        f"{name.upper()=:*^12}",
        f"{x if x > 2 else -x=}",
        f"{'nested ' + f'{x=}'=}",
    ]


def number_formats():
    big = 1234567.891
    return [
        f"{big:,.2f}", f"{big:_.1f}", f"{int(big):,}", f"{int(big):_x}", f"{big:e}",
        f"{big:.3g}", f"{big:015.3f}", f"{-0.0:z.1f}", f"{-0.0001:z.2f}", f"{-0.0001:.2f}",
        f"{0.5:%}", f"{1 / 3:.4}", f"{float('inf'):>6}", f"{float('nan'):+}", f"{10**20:.2e}",
        f"{True:d}", f"{True}", f"{65:c}", f"{decimal.Decimal('1.2350'):.2f}",
        f"{datetime.date(2024, 2, 29):%Y/%m/%d day %j}", f"{datetime.time(7, 5):%H:%M}",
        f"{3 + 4j:.1f}", f"{12345:>+10,}", f"{-7:08d}", f"{255:#010b}",
    ]


def pep701_nesting(words, depth):
    joined = f"{", ".join(w.upper() for w in words)}"
    nested = f"{f"{f"{depth:>{depth}}"}"}"
    quotes = f"{'single'} {"double"} {'''triple'''}"
    multi = f"{
        sum(
            len(w)
            for w in words
        )
    } letters"
    dict_access = f"{ {'k': words}['k'][0] }"
    lam = f"{(lambda s: s[::-1])('olleh')}"
    braces = f"{{literal}} {{{depth}}} {{{{double}}}}"
    backslash = f"{'\n'.join(words)!r}"
    return [joined, nested, quotes, multi, dict_access, lam, braces, backslash]


def custom_format(m):
    return [f"{m}", f"{m:words}", f"[{m:pad10}]", f"{m!r}", f"{m!s}", f"{m=}", f"{m = :words}",
            format(m, "pad8"), "{0:words} / {0!r}".format(m), "{:pad{}}".format(m, 9)]


def print_forms():
    buf = io.StringIO()
    print("a", "b", "c", sep="-", end=".\n")
    print("no newline", end="")
    print(" <- continued")
    print()
    print(*range(5), sep=", ")
    print("to buffer", 1, None, file=buf)
    print("second", end="", file=buf, flush=True)
    print(repr(buf.getvalue()))
    print("to stderr", file=sys.stderr)
    print("sep None", "end None", sep=None, end=None)
    print(*[f"{i:>{i + 1}}" for i in range(4)], sep="|")
    for i in range(3):
        print(f"line {i}", end=" / " if i < 2 else "\n")
    try:
        print("x", sep=5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print("x", file="not a file")
    except AttributeError as e:
        print("AttributeError:", e)


def format_errors():
    cases = [
        ("d on float", lambda: f"{1.5:d}"),
        ("f on str", lambda: f"{'s':f}"),
        ("bad spec on int", lambda: f"{5:xyz}"),
        ("comma on str", lambda: f"{'s':,}"),
        ("precision on int", lambda: f"{5:.2d}"),
        ("sign on str", lambda: f"{'s':+}"),
        ("spec on object", lambda: f"{object():>5}"),
        ("custom raises", lambda: f"{Money(5):what}"),
        ("nested spec bad", lambda: f"{5:{'q'}}"),
        ("c too large", lambda: f"{0x110000:c}"),
        ("format returns non-str", lambda: f"{BadFormat()}"),
        ("repr raises", lambda: f"{BadRepr()!r}"),
    ]
    out = []
    for label, fn in cases:
        try:
            out.append((label, "ok", fn()))
        except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
            out.append((label, type(e).__name__, str(e)))
    return out


class BadFormat:
    def __format__(self, spec):
        return 42


class BadRepr:
    def __repr__(self):
        return 1 / 0


def main():
    for line in table_rows([("apples", 3.25), ("pears", 10.5), ("kiwis", 86.25)], 9, 2):
        print(line)
    print(nested_specs())
    for line in conversions(["plain", "ünïcödé", 42, 2.5, None, ["a", "é"], "tab\there"]):
        print(line)
    for line in debug_specifier(4, "Zoë"):
        print(line)
    print(number_formats())
    for line in pep701_nesting(["ab", "cde", "f"], 3):
        print(line)
    print(custom_format(Money(1234)))
    print_forms()
    for row in format_errors():
        print(row)


main()
