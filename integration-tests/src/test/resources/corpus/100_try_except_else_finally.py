# jit-expect-compiled: run_all parse divide attempt count_failures finally_sees_locals
# try/except/else/finally in functions and loops: which clauses run, in which order, and what
# the function returns when the finally block runs after return, break and exceptions.
def parse(text):
    return int(text)


def divide(a, b):
    return a / b


def attempt(text, divisor, log):
    try:
        n = parse(text)
        q = divide(n, divisor)
    except ValueError as e:
        log.append("value:" + str(e))
        return "bad-number"
    except ZeroDivisionError:
        log.append("zero")
        return "div0"
    else:
        log.append("else")
        return q
    finally:
        log.append("finally")


def run_all(cases):
    results = []
    for text, d in cases:
        log = []
        r = attempt(text, d, log)
        results.append((r, log))
    return results


def count_failures(values):
    failures = 0
    successes = 0
    for v in values:
        try:
            1 / v
        except ZeroDivisionError:
            failures += 1
        except TypeError:
            failures += 10
        else:
            successes += 1
        finally:
            successes += 0
    return failures, successes


def finally_sees_locals(n):
    acc = []
    i = 0
    while i < n:
        try:
            if i % 3 == 0:
                raise KeyError(i)
            acc.append(i)
        except KeyError as k:
            acc.append(-k.args[0])
        finally:
            i += 1
    return acc


for entry in run_all([("10", 4), ("x1", 2), ("7", 0), ("-9", 3)]):
    print(entry)
print(count_failures([1, 0, 2, "s", 0, 5.5, None]))
print(finally_sees_locals(8))
try:
    e  # the handler variable is deleted after the except block
except NameError as ne:
    print("NameError:", ne)
