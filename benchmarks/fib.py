"""Recursive Fibonacci: the call-heavy micro-benchmark, plus a few recursive relatives.

Naive doubly-recursive fib, a memoised one through functools.lru_cache as a cross-check,
a method-based variant, and the Ackermann-like Takeuchi function (as in the old tak
benchmarks) for deeper argument shuffling.
"""
from functools import lru_cache

N = 32
TAK_ARGS = (24, 16, 8)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@lru_cache(maxsize=None)
def fib_memo(n):
    return n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)


class FibCalculator:
    def __init__(self):
        self.calls = 0

    def compute(self, n):
        self.calls += 1
        if n <= 1:
            return n
        return self.compute(n - 1) + self.compute(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def main():
    value = fib(N)
    if value != fib_memo(N):
        raise AssertionError("fib disagrees with the memoised version")
    calc = FibCalculator()
    value2 = calc.compute(N - 3)
    t = tak(*TAK_ARGS)
    print(f"fib({N}) = {value}")
    print(f"fib({N - 3}) = {value2} in {calc.calls} calls")
    print(f"tak{TAK_ARGS} = {t}")
    print(f"fib(300) = {fib_memo(300)}")
    print(f"checksum {value} {value2} {calc.calls} {t}")


if __name__ == "__main__":
    main()
