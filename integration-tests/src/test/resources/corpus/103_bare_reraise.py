# jit-expect-compiled: risky frames wrapper reraise_after_other
# A bare `raise` re-raises the exception being handled, keeping its traceback (the line numbers
# of the original frames); `raise` with nothing active is a RuntimeError.
import traceback


def risky(n):
    if n > 2:
        return n // (n - n)
    return n


def wrapper(n, log):
    try:
        return risky(n)
    except ZeroDivisionError:
        log.append("wrapper saw it")
        raise


def reraise_after_other(log):
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            int("q")
        except ValueError:
            log.append("inner handled")
        raise  # still the ZeroDivisionError


def frames(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno))
        tb = tb.tb_next
    return out


def main():
    log = []
    for n in range(5):
        try:
            print(n, wrapper(n, log))
        except ZeroDivisionError as e:
            print(n, "caught", e, frames(e.__traceback__))
    try:
        reraise_after_other(log)
    except ZeroDivisionError as e:
        print("reraise kept", type(e).__name__, "context:", e.__context__)
    try:
        raise
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(log)
    try:
        wrapper(7, log)
    except ZeroDivisionError:
        lines = traceback.format_exc().splitlines()
        print(len(lines), [l.strip() for l in lines if not l.strip().startswith("File")])


main()
