# jit-expect-compiled: fake_len counting_isinstance measure classify swap_in swap_out shadow_then_unshadow uses_print main
# Builtins replaced while compiled functions run: builtins.len swapped by a helper in the middle
# of a loop (the next iteration calls the fake, then the real one again after restoring),
# isinstance wrapped to count calls, a module global shadowing a builtin created and deleted
# between iterations, builtins.print redirected to a list, and a builtin deleted from the
# builtins module (NameError) then put back. Everything is restored before the program ends.
import builtins

REAL_LEN = builtins.len
REAL_ISINSTANCE = builtins.isinstance
REAL_PRINT = builtins.print
calls = []


def fake_len(obj):
    calls.append("fake_len")
    return 1000


def counting_isinstance(obj, cls):
    calls.append("isinstance " + cls.__name__)
    return REAL_ISINSTANCE(obj, cls)


def swap_in():
    builtins.len = fake_len


def swap_out():
    builtins.len = REAL_LEN


def measure(items, swap_at, restore_at):
    sizes = []
    for i, item in enumerate(items):
        if i == swap_at:
            swap_in()
        if i == restore_at:
            swap_out()
        sizes.append(len(item))
    return sizes


def classify(values):
    return ["int" if isinstance(v, int) else "str" if isinstance(v, str) else "other" for v in values]


def shadow_then_unshadow(values):
    out = []
    for i, v in enumerate(values):
        if i == 1:
            globals()["abs"] = lambda x: "shadowed"
        if i == 3:
            del globals()["abs"]
        out.append(abs(v))
    return out


def uses_print(n):
    for i in range(n):
        print("line", i, sep="-")
    return n


def main():
    print(measure(["a", "bb", "ccc", "dddd"], 1, 3))
    print(measure(["xy"], 5, 5), calls)
    calls.clear()
    builtins.isinstance = counting_isinstance
    try:
        print(classify([1, "s", 2.5]))
    finally:
        builtins.isinstance = REAL_ISINSTANCE
    print(classify([3]), calls)
    print(shadow_then_unshadow([-1, -2, -3, -4, -5]))
    captured = []
    builtins.print = lambda *args, sep=" ", **kw: captured.append(sep.join(map(str, args)))
    try:
        uses_print(3)
    finally:
        builtins.print = REAL_PRINT
    print("captured:", captured)
    saved = builtins.sorted
    del builtins.sorted
    try:
        sorted([2, 1])
    except NameError as e:
        print("NameError:", e)
    finally:
        builtins.sorted = saved
    print(sorted([2, 1]), len("abc"), builtins.len is REAL_LEN)


main()
