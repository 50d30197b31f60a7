# jit-expect-compiled: fib edit_distance area_of _ _ describe_list __eq__ __lt__ power combine pipeline main
# functools from compiled code: lru_cache (hits/misses in cache_info, cache_clear, typed=True
# keeping 1 and 1.0 apart, a recursive cached function), partial with positional and keyword
# arguments (and overriding them), reduce with and without an initial value (and on an empty
# sequence), singledispatch on several types including a registered ABC and a fallback,
# total_ordering deriving the other comparisons, wraps keeping metadata, and cached_property.
import functools
from collections.abc import Sequence


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.lru_cache(maxsize=2, typed=True)
def edit_distance(a, b):
    if not a or not b:
        return len(a) + len(b)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))


@functools.singledispatch
def area_of(shape):
    return "unknown shape %s" % type(shape).__name__


@area_of.register
def _(shape: int):
    return "square of side %d: %d" % (shape, shape * shape)


@area_of.register
def _(shape: tuple):
    return "rectangle %dx%d: %d" % (shape[0], shape[1], shape[0] * shape[1])


@area_of.register(Sequence)
def describe_list(shape):
    return "sequence of %d shapes: %s" % (len(shape), [area_of(s) for s in shape])


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

    @functools.cached_property
    def major(self):
        print("  computing major for", self)
        return self.parts[0]


def power(base, exp, *, mod=None):
    return pow(base, exp, mod)


def combine(acc, item):
    return acc + [item * len(acc)]


def pipeline(*fns):
    return functools.reduce(lambda f, g: lambda x: g(f(x)), fns)


def main():
    print([fib(n) for n in range(15)], fib.cache_info())
    fib.cache_clear()
    print(fib(30), fib.cache_info().misses)
    print(edit_distance("kitten", "sitting"), edit_distance.cache_info().maxsize)
    square, cube_mod = functools.partial(power, exp=2), functools.partial(power, 3, mod=5)
    print(square(7), square(2, exp=10), cube_mod(4), cube_mod.args, sorted(cube_mod.keywords))
    print(functools.reduce(combine, [1, 2, 3], []), functools.reduce(lambda a, b: a * b, range(1, 6)))
    try:
        functools.reduce(lambda a, b: a, [])
    except TypeError as e:
        print("TypeError:", e)
    print(pipeline(str.strip, str.upper, lambda s: s + "!")("  hi  "))
    for shape in (3, (2, 5), [1, (1, 2)], 2.5, {1: 2}, True):
        print(area_of(shape))
    versions = sorted(Version(v) for v in ("1.10", "1.2", "0.9.1", "1.2.0"))
    a, b = Version("1.2"), Version("1.10")
    print(versions, a < b, a >= b, a > b, a <= Version("1.2"), a != b)
    print(a.major, a.major, "major" in vars(a))
    print(fib.__name__, fib.__wrapped__.__name__, area_of.dispatch(bool).__name__)


main()
