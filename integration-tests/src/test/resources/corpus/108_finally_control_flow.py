# jit-expect-compiled: tenfold override swallow break_in_finally continue_in_finally finally_return_value_order step nested_finally_counts
# return, break and continue inside finally blocks: a return in finally overrides the earlier
# return value and swallows an exception in flight; break/continue in finally do the same in loops.
def tenfold(x):
    return 10 * x


def override():
    try:
        return "try"
    finally:
        return "finally"


def swallow(x):
    try:
        return tenfold(1) // x
    finally:
        if x == 0:
            return "swallowed"


def break_in_finally(items):
    seen = []
    for it in items:
        try:
            if it == "boom":
                raise RuntimeError(it)
            seen.append(it)
        finally:
            if it in ("boom", "stop"):
                break
    return seen


def continue_in_finally(items):
    seen = []
    for it in items:
        try:
            seen.append(tenfold(1) // it)
        finally:
            continue
    return seen


def finally_return_value_order(log):
    def step(name, value):
        log.append(name)
        return value
    try:
        return step("try-return", 1)
    finally:
        step("finally-body", 2)


def nested_finally_counts(n):
    count = 0
    i = 0
    while True:
        try:
            try:
                i += 1
                if i > n:
                    break
            finally:
                count += 1
        finally:
            count += 10
    return i, count


print(override(), swallow(5), swallow(0))
print(break_in_finally(["a", "b", "boom", "c"]))
print(break_in_finally(["a", "stop", "c"]))
print(continue_in_finally([1, 0, 2, "x", 5]))
log = []
print(finally_return_value_order(log), log)
print(nested_finally_counts(3))
