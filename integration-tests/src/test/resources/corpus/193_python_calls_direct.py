# jit-expect-compiled: fib call_kinds via_bound gen_sum deep
# Calls of Python functions with exactly their positional parameters push the callee's frame
# directly; every other kind of call (defaults, keywords, *args, bound methods kept in variables,
# generators, classes, builtins) must behave as before.
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def with_default(a, b=10):
    return a + b


def star(*args, **kwargs):
    return len(args), sorted(kwargs)


def kwonly(a, *, k):
    return a * k


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by):
        self.n += by
        return self.n


def gen(n):
    for i in range(n):
        yield i * i


def gen_sum(n):
    return sum(gen(n))


def call_kinds(c):
    bump = c.bump
    results = [with_default(1), with_default(1, 2), star(1, 2, x=3), kwonly(2, k=5), bump(3), bump(4)]
    results.append(Counter().bump(7))
    results.append(len([1, 2, 3]))
    try:
        with_default()
    except TypeError as error:
        results.append(str(error))
    try:
        fib(1, 2)
    except TypeError as error:
        results.append(str(error))
    return results


def via_bound(method, times):
    total = 0
    for i in range(times):
        total = method(i)
    return total


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(fib(20))
print(call_kinds(Counter()))
print(via_bound(Counter().bump, 100))
print(gen_sum(10))
print(deep(500))
sys.setrecursionlimit(200)
try:
    deep(10000)
except RecursionError as error:
    print("RecursionError", error)
