# jit-expect-compiled: old_api shim quiet use_in_loop strict_mode module_lines __str__ rel explicit main
# warnings.warn from compiled functions recorded with catch_warnings(record=True): the category,
# message and line number blamed for stacklevel 1, 2 and 3 (through a shim), the "default"
# action reporting a location once while "always" reports every call in a loop, a Warning
# subclass with its own __str__, filters matching a message regex, and "error" turning a warning
# into an exception caught in a compiled handler. Line numbers print relative to each function.
import warnings

FIRST = {}


class OldWarning(DeprecationWarning):
    def __str__(self):
        return "[old] " + super().__str__()


def rel(w):
    for name, first in sorted(FIRST.items(), key=lambda kv: -kv[1]):
        if w.lineno >= first:
            return "%s+%d" % (name, w.lineno - first)
    return "module"


def old_api(x, level):
    warnings.warn("old_api(%r) is deprecated" % x, OldWarning, stacklevel=level)
    return x


def shim(x, level):
    return old_api(x, level)


def quiet(n):
    for i in range(n):
        warnings.warn("same text every time", UserWarning)
    return n


def use_in_loop(n, level):
    total = 0
    for i in range(n):
        total += shim(i, level)
    return total


def strict_mode():
    with warnings.catch_warnings():
        warnings.simplefilter("error", OldWarning)
        try:
            shim("strict", 1)
        except OldWarning as e:
            return "raised %s: %s" % (type(e).__name__, e)
    return "not raised"


def explicit():
    warnings.warn_explicit("explicit message", UserWarning, "virtual.py", 99)
    warnings.warn(RuntimeWarning("instance warning"))


def module_lines(caught):
    return [(w.category.__name__, str(w.message), rel(w)) for w in caught]


def main():
    for fn in (old_api, shim, quiet, use_in_loop, explicit, main):
        FIRST[fn.__name__] = fn.__code__.co_firstlineno
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for level in (1, 2, 3):
            shim("x", level)
        use_in_loop(3, 3)
    for row in module_lines(caught):
        print(row)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        quiet(3)
        quiet(2)
        use_in_loop(2, 1)
    print("default action:", module_lines(caught))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("ignore")
        warnings.filterwarnings("always", message=r"old_api\(2\)")
        use_in_loop(4, 3)
    print("message filter:", module_lines(caught))
    print(strict_mode())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        explicit()
    print([(w.category.__name__, str(w.message), w.filename if w.filename == "virtual.py" else rel(w))
           for w in caught])


main()
