# jit-expect-compiled: risky_step classify process while_with_retries
# Exceptions raised by a compiled callee are caught in a loop and the loop continues; locals
# assigned before the exception keep their values, and counters stay exact.
def risky_step(i, data):
    key = data[i % len(data)]
    return 100 // key


def classify(v):
    if v < 0:
        return -1
    return v % 7


def process(n, data):
    ok = 0
    errors = {}
    last_good = None
    total = 0
    for i in range(n):
        try:
            r = risky_step(i, data)
            total += classify(r)
            last_good = i
            ok += 1
        except ZeroDivisionError:
            errors["zero"] = errors.get("zero", 0) + 1
            continue
        except TypeError as e:
            errors["type"] = errors.get("type", 0) + 1
            if errors["type"] > 3:
                break
        total += 1
    return ok, sorted(errors.items()), last_good, total


def while_with_retries(limit):
    i = 0
    attempts = []
    while i < limit:
        try:
            if i % 4 == 3:
                raise ValueError(i)
            attempts.append(i)
        except ValueError as v:
            attempts.append(-v.args[0])
        i += 1
    return attempts


print(process(40, [5, 0, 3, -4, 7]))
print(process(40, [5, 0, "s", 2]))
print(while_with_retries(12))
