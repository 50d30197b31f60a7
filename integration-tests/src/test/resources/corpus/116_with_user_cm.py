# jit-expect-compiled: __init__ __enter__ compute run __exit__ enter_value_is_not_self no_as bad_cm
# A user context manager used in functions and loops: __enter__'s value bound by `as`, __exit__
# called with (None, None, None) on success and with the exception on failure (not suppressed).
class Tracker:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.log.append("exit ok " + self.name)
        else:
            self.log.append("exit %s(%s) tb=%s %s" % (exc_type.__name__, exc, tb is not None, self.name))
        return False


def compute(x):
    return 12 // x


def run(values):
    log = []
    results = []
    for v in values:
        try:
            with Tracker("t%d" % len(results), log) as tag:
                results.append((tag, compute(v)))
        except ZeroDivisionError:
            results.append(("failed", v))
    return results, log


def enter_value_is_not_self():
    with Tracker("n", []) as t:
        return type(t).__name__, t


def no_as(log):
    with Tracker("bare", log):
        log.append("body")
    return log


r, log = run([3, 0, 4])
print(r)
for line in log:
    print(" ", line)
print(enter_value_is_not_self())
print(no_as([]))


class NotACM:
    pass


def bad_cm():
    try:
        with NotACM():
            pass
    except TypeError as e:
        return "TypeError: " + str(e)


print(bad_cm())
