# jit-expect-compiled: __init__ __exit__ multi __enter__ parenthesised nested_loop
# Several context managers in one with statement and in nested with statements: exits run in
# reverse order; a failing __enter__ means only the earlier managers exit; parenthesised form.
class CM:
    def __init__(self, name, log, fail_enter=False):
        self.name = name
        self.log = log
        self.fail_enter = fail_enter

    def __enter__(self):
        if self.fail_enter:
            raise OSError("enter " + self.name)
        self.log.append("enter " + self.name)
        return self.name

    def __exit__(self, *exc):
        self.log.append("exit " + self.name + (" with " + exc[0].__name__ if exc[0] else ""))


def multi(fail):
    log = []
    try:
        with CM("a", log) as a, CM("b", log, fail_enter=fail) as b, CM("c", log) as c:
            log.append("body " + a + b + c)
    except OSError as e:
        log.append("caught " + str(e))
    return log


def parenthesised(log):
    with (
        CM("p", log) as p,
        CM("q", log) as q,
    ):
        log.append(p + q)
        raise IndexError
    return log


def nested_loop(n):
    log = []
    for i in range(n):
        with CM("outer%d" % i, log):
            for j in range(2):
                with CM("inner%d%d" % (i, j), log):
                    if j == 1:
                        continue
                    log.append("work %d %d" % (i, j))
    return log


print(multi(False))
print(multi(True))
log = []
try:
    parenthesised(log)
except IndexError:
    print(log)
print(nested_loop(2))
