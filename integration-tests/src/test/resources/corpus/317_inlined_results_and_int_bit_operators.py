# jit-expect-compiled: mix bits shifted
# jit-threshold: 5
# jit-loop-threshold: 5
# A call whose callee's body is compiled into it is taken to return what that body returns (an
# int, a float), guarded right after the call: the caller computes with it unboxed (& | ^ >> on
# 64-bit ints, which compiled code now does itself). The guard must hand over to the interpreter,
# with the result on its stack, where the call is made after all and returns something else: the
# function rebound to one returning a str, a float, a big int or None, and a subclass's method.
# The bit operators must give the interpreter's answers for negative numbers, shifts past 63,
# ints past 64 bits, bools, and a negative shift count (ValueError).


def step(a, b):
    return a + b


class Box:
    def __init__(self, value):
        self.value = value

    def get(self, k):
        return self.value * k


class Odd(Box):
    def get(self, k):
        return f"odd{k}"


def mix(n, box):
    total = 0
    out = []
    for i in range(n):
        total = step(total, i) & 0xFFFF
        got = box.get(i)
        out.append(got)
        total = (total ^ (i >> 1)) | 3
    return total, out[-3:]


def bits(a, b):
    results = []
    for shift in (0, 1, 5, 63, 64, 200):
        results.append((a & b, a | b, a ^ b, a >> shift, b >> shift))
    return results


def shifted(a, counts):
    total = 0
    for count in counts:
        total += a >> count
    return total


def main():
    global step
    for _ in range(8):
        print(mix(50, Box(3)), mix(5, Box(2.5)))
    print(mix(6, Odd(1)))
    original = step
    for replacement in (lambda a, b: "s", lambda a, b: 1.5, lambda a, b: 2 ** 70 + a, lambda a, b: None):
        step = replacement
        try:
            print(mix(4, Box(1)))
        except TypeError as error:
            print("TypeError", error)
        step = original
        print(mix(4, Box(1)))
    for _ in range(6):
        print(bits(12345, -678))
        print(bits(-1, 2 ** 63 - 1))
    print(bits(2 ** 70 + 5, 3))
    print(bits(True, False))
    print(bits(-(2 ** 63), 7))
    for _ in range(8):
        print(shifted(-12345, [0, 1, 2, 70]), shifted(99, range(10)))
    try:
        print(shifted(5, [1, 2, -1]))
    except ValueError as error:
        print("ValueError", error)


main()
