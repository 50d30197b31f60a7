# jit-expect-compiled: combo run_matrix exc_in_finally nested_returns main
# try/except/else/finally inside a loop with every relevant combination of what each block
# does: fall through, raise, return, break or continue in the body, the except clause, the
# else clause and the finally clause. Each combination prints the trail of blocks visited, how
# the function ended, and (for finally) which exception was in flight when it ran.
import itertools
import sys


def combo(body, handler, els, fin):
    trail = []
    for i in range(2):
        try:
            trail.append("T%d" % i)
            if body == "raise":
                raise ValueError("body %d" % i)
            if body == "return":
                return "ret-body", trail
            if body == "break":
                break
        except ValueError:
            trail.append("E")
            if handler == "raise":
                raise KeyError("handler")
            if handler == "return":
                return "ret-handler", trail
            if handler == "continue":
                continue
        else:
            trail.append("L")
            if els == "return":
                return "ret-else", trail
            if els == "break":
                break
        finally:
            exc = sys.exception()
            trail.append("F" + ("(%s)" % type(exc).__name__ if exc else ""))
            if fin == "return":
                return "ret-finally", trail
            if fin == "break":
                break
            if fin == "continue":
                continue
        trail.append("A")
    return "end", trail


def run_matrix():
    rows = []
    fins = ("pass", "return", "break", "continue")
    cases = [("raise", h, "pass") for h in ("pass", "raise", "return", "continue")]
    cases += [("pass", "pass", e) for e in ("pass", "return", "break")]
    cases += [(b, "pass", "pass") for b in ("return", "break")]
    for (body, handler, els), fin in itertools.product(cases, fins):
        try:
            outcome = combo(body, handler, els, fin)
        except KeyError as e:
            outcome = ("raised " + repr(e),)
        rows.append("body=%-6s except=%-8s else=%-6s finally=%-8s -> %s" % (body, handler, els, fin, outcome))
    return rows


def exc_in_finally():
    seen = []
    try:
        try:
            raise OSError("first")
        finally:
            seen.append(repr(sys.exception()))
    except OSError:
        seen.append("outer caught, now " + repr(sys.exception()))
    finally:
        seen.append("outer finally sees " + repr(sys.exception()))
    return seen


def nested_returns(n):
    try:
        try:
            return "inner %d" % n
        finally:
            if n > 1:
                return "inner finally %d" % n
    finally:
        if n > 2:
            return "outer finally %d" % n


def main():
    for row in run_matrix():
        print(row)
    print(exc_in_finally())
    print([nested_returns(n) for n in (1, 2, 3)])


main()
