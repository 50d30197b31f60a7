# jit-expect-compiled: ratio harmonic_step relative_change chain normalise rest
import sys
import traceback


def ratio(a, b):
    return a / b


def harmonic_step(x, step):
    total = 0.0
    while x > -10.0:
        total = total + 1.0 / x
        x = x - step
    return total


def relative_change(old, new):
    diff = new - old
    return diff / old


def chain(a, b, c):
    first = ratio(a, b)
    second = relative_change(c, first)
    return first + second


def normalise(x, y, z):
    length = x * x + y * y + z * z
    inv = 1.0 / length
    return x * inv, y * inv, z * inv


def rest(a, b):
    q = a // b
    r = a % b
    return q, r, q * b + r


def attempt(label, fn, *args):
    try:
        r = fn(*args)
        print(label, "->", repr(r))
    except ZeroDivisionError as e:
        print(label, "raised", type(e).__name__, "|", e, "|", repr(e.args))


def attempt_tb(label, fn, *args):
    try:
        fn(*args)
        print(label, "no exception")
    except ZeroDivisionError:
        print("---", label)
        traceback.print_exc(file=sys.stdout)


attempt("ratio", ratio, 3.0, 4.0)
attempt("ratio 0.0", ratio, 3.0, 0.0)
attempt("ratio -0.0", ratio, 3.0, -0.0)
attempt("ratio 0/0", ratio, 0.0, 0.0)
attempt("ratio nan/0", ratio, float("nan"), 0.0)
attempt("ratio inf/0", ratio, float("inf"), -0.0)
attempt("ratio tiny", ratio, 5e-324, 1e308)
attempt("ratio huge", ratio, 1e308, 5e-324)
attempt("ratio int 0", ratio, 3, 0)
attempt("ratio float/int 0", ratio, 3.0, 0)
attempt("ratio int/float 0", ratio, 3, 0.0)
attempt("ratio bool", ratio, 1.0, False)
attempt("harmonic", harmonic_step, 2.5, 1.0)
attempt("harmonic hits zero", harmonic_step, 3.0, 1.0)
attempt("harmonic hits -0.0", harmonic_step, 0.5, 0.25)
attempt("relchange", relative_change, 4.0, 5.0)
attempt("relchange zero", relative_change, 0.0, 5.0)
attempt("relchange nan", relative_change, 0.0, float("nan"))
attempt("chain", chain, 1.0, 2.0, 4.0)
attempt("chain inner", chain, 1.0, 0.0, 4.0)
attempt("chain second", chain, 1.0, 2.0, 0.0)
attempt("normalise", normalise, 1.0, 2.0, 2.0)
attempt("normalise zero", normalise, 0.0, -0.0, 0.0)
attempt("normalise underflow", normalise, 1e-200, 1e-200, 0.0)
attempt("normalise overflow", normalise, 1e200, 0.0, 0.0)
attempt("rest", rest, 7.5, -2.0)
attempt("rest -0.0", rest, -0.0, 5.0)
attempt("rest zero", rest, 7.5, 0.0)
attempt("rest neg zero", rest, -7.5, -0.0)
attempt("rest int zero", rest, 7, 0)
try:
    rest(1.0, 0.0)
except ZeroDivisionError as e:
    print("floor division:", e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print("modulo at module level:", e)

attempt_tb("ratio", ratio, 1.0, 0.0)
attempt_tb("harmonic", harmonic_step, 2.0, 0.5)
attempt_tb("chain", chain, 2.0, 4.0, 0.0)
attempt_tb("normalise", normalise, -0.0, 0.0, -0.0)
attempt_tb("rest", rest, 2.0, -0.0)
attempt_tb("ratio ok", ratio, 1.0, 3.0)

# a loop at module level: the compiled code keeps working after an exception
total = 0.0
for d in [2.0, 1.0, 0.0, -1.0, -0.0, 0.5]:
    try:
        total = total + ratio(1.0, d)
    except ZeroDivisionError as e:
        print("skip", repr(d), e)
print("total", repr(total), total.hex())
