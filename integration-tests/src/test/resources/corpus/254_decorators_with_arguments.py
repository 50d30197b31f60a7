# jit-expect-compiled: retry wrapper validate_types check register __call__ counted flaky add describe scale main
# Decorators with arguments applied to compiled functions: a retry decorator (attempt counts,
# re-raising after the last attempt with a note), a type-checking decorator reading
# __annotations__, a registry decorator returning the function unchanged, stacked decorators
# (application order printed), a class-based decorator keeping state, decorated methods, and
# lambdas as sort keys, defaults and immediately called.
import functools

trail = []
REGISTRY = {}


def retry(times, on=(Exception,)):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except on as e:
                    trail.append("%s attempt %d failed: %s" % (fn.__name__, attempt, e))
                    if attempt == times:
                        e.add_note("gave up after %d attempts" % times)
                        raise
        return wrapper
    trail.append("retry(%d) created" % times)
    return decorate


def validate_types(fn):
    hints = {k: v for k, v in fn.__annotations__.items() if k != "return"}

    @functools.wraps(fn)
    def check(*args):
        for (name, typ), value in zip(hints.items(), args):
            if not isinstance(value, typ):
                raise TypeError("%s expected %s, got %s" % (name, typ.__name__, type(value).__name__))
        return fn(*args)
    trail.append("validate_types applied to " + fn.__name__)
    return check


def register(name):
    def decorate(fn):
        REGISTRY[name] = fn
        return fn
    return decorate


class times_called:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)


@times_called
def counted(x):
    return x + 1


state = {"n": 0}


@retry(3, on=(ConnectionError,))
def flaky(succeed_on):
    state["n"] += 1
    if state["n"] < succeed_on:
        raise ConnectionError("try %d" % state["n"])
    return "succeeded on try %d" % state["n"]


@register("adder")
@retry(1)
@validate_types
def add(a: int, b: int) -> int:
    return a + b


class Shape:
    def __init__(self, sides):
        self.sides = sides

    @register("describe")
    @retry(2, on=(ZeroDivisionError,))
    def describe(self, divisor):
        return "%d sides / %d = %d" % (self.sides, divisor, self.sides // divisor)


def scale(values, factor=lambda v: v * 2):
    return sorted(map(factor, values), key=lambda v: (-abs(v), v))


def main():
    print(flaky(2))
    state["n"] = 0
    try:
        flaky(10)
    except ConnectionError as e:
        print("flaky failed:", e, e.__notes__)
    print(add(2, 3), add.__name__, add.__wrapped__.__name__, REGISTRY["adder"] is add)
    try:
        add(2, "3")
    except TypeError as e:
        print("TypeError:", e, e.__notes__)
    print(Shape(6).describe(4), REGISTRY["describe"](Shape(3), 1))
    try:
        Shape(5).describe(0)
    except ZeroDivisionError as e:
        print("describe failed:", e.__notes__)
    print([counted(i) for i in range(3)], counted.calls, counted.__name__)
    print(scale([3, -5, 1, -1]), scale([1, 2], lambda v: -v), (lambda *a, **k: (a, sorted(k)))(1, z=2, y=3))
    for line in trail:
        print(line)


main()
