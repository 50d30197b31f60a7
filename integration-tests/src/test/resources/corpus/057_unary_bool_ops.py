# jit-expect-compiled: unary bool_math truthiness
def unary(x):
    return -x, +x, ~x if isinstance(x, int) and not isinstance(x, bool) else None, not x, -(-x)


def bool_math(a, b):
    return a + b, a * 3, a - b, a & b, a | b, a ^ b, -a, ~int(a), a == 1, a < b


def truthiness(values):
    out = ""
    for v in values:
        if v:
            out += "T"
        else:
            out += "F"
        out += "1" if not not v else "0"
    return out


for x in [0, 5, -5, 2 ** 70, -2 ** 70, 1.5, -0.0, True, False]:
    print(repr(x), unary(x))
print(bool_math(True, False), bool_math(True, True), bool_math(False, False))
print(truthiness([0, 1, "", "a", [], [0], (), None, 0.0, 0.1, {}, {"k": 0}, 2 ** 80, range(0)]))
