# jit-expect-compiled: describe __init__ __repr__ __str__ __format__ table conversions
# f-strings with conversions (!r !s !a), format specs (width, alignment, precision, sign, grouping,
# types), nested replacement fields ({x:{w}.{p}f}), = debugging, format() and __format__.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return "$%d" % (self.cents // 100)
        return format(self.cents / 100, spec or ".2f")

    def __repr__(self):
        return "Money(%d)" % self.cents

    def __str__(self):
        return "%d cents" % self.cents


def describe(name, value):
    return f"{name}={value}"


def table(rows, width, prec):
    lines = []
    for name, v in rows:
        lines.append(f"|{name:<8}|{v:>{width}.{prec}f}|{v:^+10.1e}|{int(v):#06x}|")
    return lines


def conversions(items):
    return [f"{x!r} {x!s} {x!a}" for x in items]


print(describe("a", 1), describe("b", [1, "x"]))
for line in table([("pi", 3.14159), ("neg", -2.5), ("big", 12345.678)], 12, 3):
    print(line)
print(conversions(["héllo", 1.5, Money(250)]))
m = Money(123456)
x = 42
print(f"{m} {m!r} {m:short} {m:,.1f} {x=} {x = :>5} {m=!s}")
print(f"{1234567:,} {1234567:_} {0.25:%} {255:b} {255:o} {-7:+d} {7: d} {'s':*^9}")
print(format(3.5, "08.3f"), format(m), format(m, "short"), format("txt", ">6"), format(10, "x"))
print(f"{'nested {braces}'} {{literal}} {f'{x}'!r:>6}")
try:
    f"{x:q}"
except ValueError as e:
    print("ValueError:", e)
try:
    format(m, 5)
except TypeError as e:
    print("TypeError:", e)
