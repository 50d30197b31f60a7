# jit-expect-compiled: register run slow_add fib word counted memo tag repeat deco wrapper
# Decorators implemented with closures: call counting, memoisation, decorators with arguments,
# stacked decorators (applied bottom-up), and class decorators.
def counted(fn):
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        wrapper.calls = calls
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


def repeat(times, sep="-"):
    def deco(fn):
        def wrapper(x):
            return sep.join(fn(x) for _ in range(times))
        return wrapper
    return deco


def tag(label):
    def deco(fn):
        def wrapper(x):
            return "<%s>%s</%s>" % (label, fn(x), label)
        return wrapper
    return deco


def register(cls):
    cls.registered = True
    return cls


@counted
def slow_add(a, b=1):
    return a + b


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@tag("b")
@repeat(2)
@tag("i")
def word(x):
    return str(x)


@register
class Thing:
    pass


def run():
    total = 0
    for i in range(10):
        total = slow_add(total, b=i)
    return total


print(run(), slow_add.calls)
print(fib(60), len(fib.cache))
print(word(7))
print(Thing.registered, slow_add.__name__, word.__name__)
