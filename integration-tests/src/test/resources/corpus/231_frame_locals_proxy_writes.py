# jit-expect-compiled: set_in_caller retype_total with_cell inner gen_with_locals proxy_ops after_return main
# PEP 667 write-through frame.f_locals from compiled callers: a callee changes the type of the
# caller's accumulator mid-loop (int -> str, so the next += fails with TypeError, then -> float),
# writes a cell variable that a closure sees, writes a suspended generator's locals through
# gi_frame.f_locals (seen when it resumes), and uses the proxy's mapping operations. A frame
# kept after its function returned still shows the final values.
import sys


def set_in_caller(name, value, depth=1):
    sys._getframe(depth).f_locals[name] = value


def retype_total(n, switch_at, new_value):
    total = 0
    log = []
    for i in range(n):
        try:
            total += i
        except TypeError as e:
            log.append("i=%d TypeError: %s" % (i, e))
            set_in_caller("total", 0.5)
        if i == switch_at:
            set_in_caller("total", new_value)
    return total, log


def with_cell():
    count = 1

    def inner():
        return count * 10

    before = inner()
    set_in_caller("count", 7)
    return before, inner(), count


def gen_with_locals(limit):
    step = 1
    i = 0
    while i < limit:
        yield i, step
        i += step


def proxy_ops():
    a = 1
    b = "two"
    proxy = sys._getframe().f_locals
    keys = sorted(k for k in proxy if k != "proxy")
    proxy["a"] = 100
    proxy.update({"b": "updated", "extra": True})
    result = [keys, a, b, "extra" in proxy, proxy.get("missing", "dflt"), len(proxy) >= 4]
    try:
        proxy.pop("a")
    except ValueError as e:
        result.append("pop: %s" % e)
    result.append(sys._getframe().f_locals == {"a": 100, "b": "updated", "proxy": proxy, "keys": keys,
                                               "result": result, "extra": True})
    return result


def after_return():
    x = 1
    frame = sys._getframe()
    x = 2
    y = "late"
    return frame


def main():
    print(retype_total(6, 2, "text"))
    print(retype_total(4, 1, 1.5))
    print(with_cell())
    g = gen_with_locals(10)
    out = [next(g), next(g)]
    g.gi_frame.f_locals["step"] = 3
    out.append(next(g))
    g.gi_frame.f_locals["i"] = 5
    out.append(next(g))
    print(out, list(g))
    print(proxy_ops())
    f = after_return()
    print(sorted((k, v) for k, v in f.f_locals.items() if k != "frame"), f.f_locals["frame"] is f)
    print(f.f_code.co_name, f.f_back.f_code.co_name if f.f_back else None)


main()
