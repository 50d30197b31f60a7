# jit-expect-compiled: names_lines caller_info caller_locals handler run run_all coro_step extract main
# inspect.stack() and inspect.currentframe() from compiled functions: function names with lines
# relative to each function, f_back / f_back.f_back code names and qualnames, reading a caller's
# locals through f_back.f_locals (values current at the time of the call, inside a loop),
# inspect.getframeinfo, traceback.extract_stack and a stack walk from inside a method, an
# exception handler and a coroutine driven by asyncio.
import asyncio
import inspect
import traceback


def names_lines(limit):
    out = []
    for info in inspect.stack()[1:limit + 1]:
        out.append("%s@%d" % (info.function, info.lineno - info.frame.f_code.co_firstlineno))
    return out


def caller_info():
    me = inspect.currentframe()
    caller = me.f_back
    return (me.f_code.co_name, caller.f_code.co_qualname, caller.f_back.f_code.co_name,
            inspect.getframeinfo(caller).function)


def caller_locals(*names):
    f = inspect.currentframe().f_back
    return {n: f.f_locals.get(n, "<missing>") for n in names}


def handler():
    try:
        raise KeyError("x")
    except KeyError:
        return names_lines(2) + [caller_info()[1]]


class Job:
    def __init__(self, name):
        self.name = name

    def run(self, steps):
        seen = []
        total = 0
        for step in range(steps):
            total += step
            seen.append(caller_locals("step", "total", "nothing"))
        seen.append(names_lines(3))
        seen.append(caller_info())
        return seen


def run_all(jobs):
    return [job.run(2) for job in jobs]


async def coro_step():
    await asyncio.sleep(0)
    return names_lines(1), caller_info()[:2]


def extract():
    return [(fs.name, fs.lineno - extract.__code__.co_firstlineno) for fs in traceback.extract_stack(limit=2)]


def main():
    for row in run_all([Job("a")]):
        for item in row:
            print(item)
    print(handler())
    print(asyncio.run(coro_step()))
    print(extract())
    print(inspect.currentframe().f_code.co_name, inspect.currentframe().f_back.f_code.co_name)
    frame = inspect.currentframe()
    print(frame is inspect.stack()[0].frame, inspect.getframeinfo(frame).function)


main()
