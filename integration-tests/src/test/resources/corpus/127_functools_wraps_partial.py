# jit-expect-compiled: use_partials power <lambda> ways __init__ area logged
# functools.wraps copies the metadata and sets __wrapped__; functools.partial binds positional
# and keyword arguments (later keywords override); reduce, lru_cache and cached_property.
import functools


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.log.append(fn.__name__ + repr(args))
        return fn(*args, **kwargs)
    wrapper.log = []
    return wrapper


@logged
def power(base, exp=2):
    """Raise base to exp."""
    return base ** exp


def use_partials(n):
    cube = functools.partial(power, exp=3)
    two_to = functools.partial(power, 2)
    out = []
    for i in range(n):
        out.append((cube(i), two_to(i), cube(i, exp=1)))
    return out


@functools.lru_cache(maxsize=None)
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r


print(power.__name__, power.__doc__, power.__wrapped__.__name__)
print(use_partials(4))
print(len(power.log), power.log[:3])
print(functools.reduce(lambda a, b: a * 10 + b, [1, 2, 3, 4]), functools.reduce(max, [3, 9, 2], 0))
print(ways(30), ways.cache_info().hits > 0)
c = Circle(2)
print(c.area, c.area, c.computed)
p = functools.partial(functools.partial(power, 3), exp=4)
print(p(), p.func is power, p.args, p.keywords)
