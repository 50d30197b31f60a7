# jit-expect-compiled: consume countdown evens_then_odds fib_upto nothing
# Generator functions: lazy execution (side effects interleave with the consumer), local state
# kept between yields, generators in for loops and next() with a default, and yield as an expression.
log = []


def countdown(n):
    log.append("start")
    while n > 0:
        log.append("yield %d" % n)
        yield n
        n -= 1
    log.append("done")


def consume(gen):
    total = 0
    for v in gen:
        log.append("got %d" % v)
        total += v
    return total


def fib_upto(limit):
    a, b = 0, 1
    while a <= limit:
        yield a
        a, b = b, a + b


def evens_then_odds(n):
    for i in range(0, n, 2):
        yield i
    for i in range(1, n, 2):
        yield i


def nothing():
    return
    yield


g = countdown(3)
log.append("created")
print(consume(g))
print(log)
print(list(fib_upto(100)))
print(list(evens_then_odds(7)))
it = fib_upto(1)
print(next(it), next(it), next(it), next(it, "end"), next(it, "end"))
print(list(nothing()), type(countdown(1)).__name__)
try:
    next(nothing())
except StopIteration as e:
    print("StopIteration", e.value)
