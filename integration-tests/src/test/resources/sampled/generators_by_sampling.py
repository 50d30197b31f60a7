import sys
import time

runtime = sys.modules.get('_pyjit_rt')


def numbers(n, fail_at=-1, stop_at=-1, report=False):
    for i in range(n):
        if i == fail_at:
            raise ValueError(f"failed at {i}")
        if i == stop_at:
            raise StopIteration  # PEP 479: the caller sees a RuntimeError
        yield repr(sys.exception()) if report else i * i
    return n


def evens(items):
    for item in items:
        if item % 2 == 0:
            yield item


def running_means(values):
    total = 0
    for count, value in enumerate(values, 1):
        total += value
        received = yield total / count
        if received is not None:
            total += received
    return total


def delegating(values):
    result = yield from running_means(values)
    yield ('returned', result)


def total_of(items):
    total = 0
    for item in items:
        total += item
    return total


def largest(rows):
    return max(abs(x) for row in rows for x in row)


def code_of_genexpr(function):
    return next(const for const in function.__code__.co_consts if hasattr(const, 'co_code'))


def compiled(*codes):
    return runtime is None or all(runtime.is_compiled(code) for code in codes)


# sum(), max() and native for loops resume the generators until the sampler found them hot and
# their native code is in (at most a minute); then every way a generator is resumed, ended or
# inspected must look as under the interpreter
rows = [[(i * 7 + j * 3) % 11 - 5.5 for j in range(40)] for i in range(40)]
def rounds():
    return sum(evens(numbers(300))), largest(rows), list(delegating(range(5)))[-2:], total_of(numbers(200))


hot = (numbers.__code__, evens.__code__, running_means.__code__, delegating.__code__, total_of.__code__,
       code_of_genexpr(largest))
deadline = time.monotonic() + 60
first = rounds()
while not compiled(*hot) and time.monotonic() < deadline:
    assert rounds() == first
for _ in range(200):
    assert rounds() == first
print(first, compiled(*hot))

squares = numbers(6)
print(next(squares), next(squares), squares.gi_frame.f_lineno, squares.gi_running, list(squares), squares.gi_frame)
means = running_means([1, 2, 3, 4])
print(next(means), means.send(10), next(means))
try:
    means.throw(KeyError('thrown'))
except KeyError as error:
    print('thrown back', repr(error))
closed = evens(numbers(10))
print(next(closed), next(closed))
closed.close()
print(list(closed), list(evens([])), total_of(closed), total_of(numbers(0)))
delegation = delegating([1, 2])
print(next(delegation), delegation.send(10), list(delegation), total_of(delegation))


def consuming_itself():
    yield total_of(itself)


itself = consuming_itself()
try:
    next(itself)
except ValueError as error:
    print('running:', error)
try:
    raise LookupError('handled by the caller')
except LookupError:
    print(next(numbers(3, report=True)))
print(list(numbers(3, report=True)))
try:
    list(numbers(10, stop_at=4))
except RuntimeError as error:
    print(type(error.__cause__).__name__, error)
print(sum(evens(numbers(10, fail_at=6))))
