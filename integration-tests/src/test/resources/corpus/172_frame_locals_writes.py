# jit-expect-compiled: caller peek poke loop_rewrite locals_snapshot extra_names snapshot delete_via_proxy
# PEP 667 frame.f_locals proxies: a callee writes its caller's locals through
# sys._getframe(1).f_locals (the caller sees the new value at its next load, in a loop too),
# reads see current values, locals() is a snapshot, and writing an unknown name adds an extra local.
import sys


def peek(name):
    return sys._getframe(1).f_locals.get(name, "<unset>")


def poke(name, value):
    sys._getframe(1).f_locals[name] = value


def snapshot():
    return dict(sys._getframe(1).f_locals)


def caller():
    x = 1
    seen = [peek("x")]
    poke("x", 10)
    seen.append(x)
    poke("y", "unbound before")
    y = 3
    seen.append(peek("y"))
    return seen


def loop_rewrite(n):
    total = 0
    i = 0
    while i < n:
        total += i
        if i == 2:
            poke("i", 5)
        i += 1
    return total, i


def locals_snapshot():
    a = 1
    l = locals()
    a = 2
    proxy = sys._getframe().f_locals
    a = 3
    return l["a"], proxy["a"], type(proxy).__name__


def extra_names():
    x = 0
    poke("not_a_local", 42)
    s = snapshot()
    return sorted(s), sys._getframe().f_locals.get("not_a_local")


def delete_via_proxy():
    v = "present"
    f = sys._getframe()
    try:
        del f.f_locals["v"]
    except ValueError as e:
        return "ValueError: " + str(e), v
    return "deleted"


print(caller())
print(loop_rewrite(10))
print(locals_snapshot())
print(extra_names())
print(delete_via_proxy())
