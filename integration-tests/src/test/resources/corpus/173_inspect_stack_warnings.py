# jit-expect-compiled: outer inner names_and_lines old_helper deprecated_api call_in_loop
# inspect.stack() seen from compiled functions (function names and line numbers relative to each
# function), and warnings.warn with stacklevel 1, 2 and 3 (the location printed on stderr must
# name the right line), filters "always" vs "default" in a loop.
import inspect
import warnings


def names_and_lines():
    out = []
    for fi in inspect.stack()[:4]:
        first = fi.frame.f_code.co_firstlineno
        out.append((fi.function, fi.lineno - first))
    return out


def inner():
    return names_and_lines()


def outer():
    x = 1
    return inner()


def deprecated_api(level):
    warnings.warn("deprecated_api is old (level %d)" % level, DeprecationWarning, stacklevel=level)
    return level


def old_helper(level):
    return deprecated_api(level)


def call_in_loop(n):
    total = 0
    for i in range(n):
        total += old_helper(2)
    return total


print(outer())
warnings.simplefilter("default")
for level in (1, 2, 3):
    old_helper(level)
print(call_in_loop(3))
warnings.simplefilter("always")
print(call_in_loop(2))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_helper(3)
    deprecated_api(1)
print([(w.category.__name__, w.lineno, str(w.message)) for w in caught])
warnings.warn("module level UserWarning")
