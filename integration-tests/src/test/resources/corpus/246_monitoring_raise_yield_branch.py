# jit-expect-compiled: record countdown checked relay run_checked branchy main
# sys.monitoring exception and generator events for compiled code: RAISE, RERAISE,
# EXCEPTION_HANDLED and PY_UNWIND as an exception travels through frames, PY_YIELD / PY_RESUME
# for a generator driven by a loop (and STOP_ITERATION is not needed for a for loop), and
# BRANCH events reported as (relative source line, relative destination line) pairs.
import sys

mon = sys.monitoring
TOOL = 4
events = []
WATCHED = ("countdown", "checked", "relay", "run_checked", "branchy")


def line_of(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end and line is not None:
            return line - code.co_firstlineno
    return None


def record(kind):
    def callback(code, offset, *rest):
        if code.co_name not in WATCHED:
            return
        detail = rest[-1] if rest else ""
        if isinstance(detail, BaseException):
            detail = type(detail).__name__
        elif kind == "BRANCH":
            detail = line_of(code, detail)
        events.append("%s %s+%s %s" % (kind, code.co_name, line_of(code, offset), detail))
    return callback


def countdown(n):
    while n:
        yield n
        n -= 1


def checked(x):
    if x < 0:
        raise ValueError("negative")
    return x


def relay(x):
    try:
        return checked(x)
    except ValueError:
        raise


def run_checked(values):
    out = []
    for v in values:
        try:
            out.append(relay(v))
        except ValueError as e:
            out.append(str(e))
    return out


def branchy(values):
    pos = 0
    for v in values:
        if v > 0:
            pos += 1
    return pos


def main():
    print(list(countdown(2)), run_checked([1, -1]), branchy([1, -2]))
    mon.use_tool_id(TOOL, "exceptions")
    E = mon.events
    kinds = {"RAISE": E.RAISE, "RERAISE": E.RERAISE, "EXCEPTION_HANDLED": E.EXCEPTION_HANDLED,
             "PY_UNWIND": E.PY_UNWIND, "PY_YIELD": E.PY_YIELD, "PY_RESUME": E.PY_RESUME,
             "BRANCH": E.BRANCH}
    mask = 0
    for name, bit in kinds.items():
        mon.register_callback(TOOL, bit, record(name))
        mask |= bit
    mon.set_events(TOOL, mask)
    try:
        results = (list(countdown(2)), run_checked([2, -3]), branchy([3, -1, 4]))
    finally:
        mon.set_events(TOOL, 0)
        for bit in kinds.values():
            mon.register_callback(TOOL, bit, None)
        mon.free_tool_id(TOOL)
    print(results)
    for e in events:
        print("  ", e)


main()
