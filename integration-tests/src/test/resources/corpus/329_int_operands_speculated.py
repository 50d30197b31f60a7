# jit-expect-compiled: count_bits place mask_with modulo negate plain_args
# jit-expect-deopts: mask_with modulo negate plain_args
# jit-threshold: 3
# jit-loop-threshold: 3
# The interpreter never specialises & | ^ << >> // %, so compiled code guards an operand that may
# be an int where the other one is (a closure's cell, a call's result, an argument) and computes
# on 64-bit values. Where the guess is wrong (a set, a bool, a big int, a str being formatted, an
# object with __rand__ or __rmod__, a float), the interpreter takes over at the operation and must
# give exactly its answer or its exception; a function whose guesses keep failing is compiled
# again without them. Arguments that were ints on every call before compiling are guarded where
# they meet such an operation, not on entry: a later call with a bool, a big int or a set takes
# the interpreter's way there. Unary minus and invert of an int are computed on 64 bits too: -(-2**63)
# and anything past 64 bits go to the interpreter.


def count_bitmask(n):
    full = (1 << n) - 1

    def place(cols, down, up):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | down | up)
        while free:
            bit = free & -free
            free ^= bit
            total += place(cols | bit, ((down | bit) << 1) & full, (up | bit) >> 1)
        return total
    return place(0, 0, 0)


def count_bits(value):
    bits = 0
    while value:
        value &= value - 1
        bits += 1
    return bits


def mask_with(x, other):
    low = (x + 0) & other
    return low, (x + 0) | other, (x + 0) ^ other


def modulo(x, other):
    return (x + 0) % other, (x + 0) // other


def plain_args(a, b):
    return (a & b) | (a ^ b), a % 7, b >> 1


def negate(x):
    y = x + 0
    return -y, ~y, -(~y), ~(-y) & 0xFF


class Reflected:
    def __rand__(self, other):
        return ("rand", other)

    def __ror__(self, other):
        return ("ror", other)

    def __rxor__(self, other):
        return ("rxor", other)

    def __rmod__(self, other):
        return ("rmod", other)

    def __rfloordiv__(self, other):
        return ("rfloordiv", other)


for n in range(4, 10):
    print(n, count_bitmask(n), count_bits(n * 12345))
for i in range(10):
    print(mask_with(i, 6), modulo(i * 7, 5), plain_args(i * 3, i + 1))
print(plain_args(True, 3), plain_args(2**70, 5), plain_args(-9, 2**64), plain_args({1, 2}, {2}) if False else plain_args(6, True))
try:
    plain_args({1, 2}, {2})
except TypeError as error:
    print("TypeError", error)
print(mask_with(12, True), mask_with(12, 2**70 + 5), mask_with(-1, -(2**64)))
print(modulo(17, 2**65), modulo(-17, 5), modulo(17, -5), modulo(2**62, 3))
print(mask_with(3, Reflected()), modulo(3, Reflected()))
print(count_bits(2**100 - 1), count_bits(0))
for x in (0, 1, -1, 255, -256, 2**62, -(2**63) + 1, -(2**63), 2**63 - 1, 2**63, 2**80, -(2**80)):
    print(x, negate(x))
for bad in ({1, 2}, "s", 1.5, None):
    try:
        print(mask_with(5, bad))
    except TypeError as error:
        print("TypeError", error)
    try:
        print(modulo(5, bad))
    except TypeError as error:
        print("TypeError", error)
try:
    modulo(5, 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError", error)
# guesses that keep failing: compiled again without them, the answers the same
print(sum(mask_with(i, True)[0] for i in range(200)))
print([modulo(i, 2.5) for i in range(0, 200, 40)])
