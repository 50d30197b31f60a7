# jit-expect-compiled: check_positive validate message bare final
# assert with and without a message, messages computed lazily, assertions in loops, and an
# AssertionError that ends the program (traceback and exit status 1).
calls = []


def message(x):
    calls.append(x)
    return "bad value %r" % (x,)


def check_positive(x):
    return x > 0


def validate(values):
    ok = 0
    for v in values:
        try:
            assert check_positive(v), message(v)
            ok += 1
        except AssertionError as e:
            print("  failed:", e.args)
    return ok


def bare(v):
    try:
        assert v
    except AssertionError as e:
        return "AssertionError args=" + repr(e.args)
    return "passed"


print(validate([3, 1, -2, 5, 0, 7]))
print("messages built for:", calls)
print(bare(1), bare(0), bare([]), bare("x"))


def final(n):
    total = 0
    for i in range(n):
        total += i
        assert total < 10, f"total {total} too big at i={i}"
    return total


print(final(4))
print(final(6))
print("not reached")
