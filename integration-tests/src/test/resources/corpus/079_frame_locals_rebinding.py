# jit-expect-compiled: kernel flag_loop rebinding_in_loop unpacked poke
# Code outside a function rebinds its locals through frame.f_locals (as a debugger does): the
# compiled function must see the new values, whatever type inference assumed about them.
import sys


def poke(name, value):
    sys._getframe(1).f_locals[name] = value


def kernel(x, y):
    t = x * y
    poke("x", 5)
    a = x * 2.0 + t
    poke("t", "s")
    return a, t * 2


def flag_loop(n):
    done = False
    i = 0
    while not done:
        i += 1
        if i == n:
            poke("done", [1])
    return i, done


def rebinding_in_loop(x, n):
    total = 0.0
    k = 0.0
    while k < n:
        total = total + x * k
        if k == 3.0:
            poke("x", 10)
        if k == 4.0:
            poke("total", -1)
        k = k + 1.0
    return total


def unpacked(p, q):
    s = p + q
    poke("p", 1j)
    return p * q, p, q, s


for _ in range(3):
    print(kernel(1.5, 2.0))
    print(flag_loop(5))
    print(rebinding_in_loop(0.5, 6.0))
    print(unpacked(0.25, 4.0))
