# jit-expect-compiled: is_prime <lambda> step collatz naturals primes
# Infinite generators consumed with itertools.islice, takewhile, zip and count: only as much of
# the generator runs as is consumed (a side-effect counter shows it), and the rest stays suspended.
import itertools

produced = [0]


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def primes():
    n = 2
    while True:
        if is_prime(n):
            produced[0] += 1
            yield n
        n += 1


def step(x):
    return x // 2 if x % 2 == 0 else 3 * x + 1


def collatz(x):
    while True:
        yield x
        x = step(x)


def naturals():
    i = 0
    while True:
        yield i
        i += 1


p = primes()
print(list(itertools.islice(p, 10)), produced[0])
print(list(itertools.islice(p, 2, 6)), produced[0])
print(next(p), produced[0])
print(list(itertools.takewhile(lambda v: v != 1, collatz(27)))[-5:])
print(sum(1 for _ in itertools.takewhile(lambda v: v != 1, collatz(97))))
print(list(zip("abc", naturals(), itertools.count(10, 5))))
print(list(itertools.islice(naturals(), 0, 30, 7)))
squares = (i * i for i in naturals())
print([next(squares) for _ in range(5)], next(squares))
