# jit-expect-compiled: escape peek_first divide_first nothing_to_do scale_all
# jit-threshold: 4
# jit-loop-threshold: 4
# jit-expect-deopts: scale_all
# Float temporaries that a loop computes afresh each time round (zr2, zi2, share) go around it
# unboxed though they are unbound on the way in. Wherever the frame can be seen before the first
# time round assigns them (a callee reading f_locals, a failed guard, an exception's traceback, a
# loop that never runs) they are unbound, as in the interpreter; after, they hold their last values.
import sys


def escape(cr, ci, limit):
    zr = zi = 0.0
    for n in range(limit):
        zr2, zi2 = zr * zr, zi * zi
        if zr2 + zi2 > 4.0:
            return n, sorted(locals())
        zr, zi = zr2 - zi2 + cr, 2.0 * zr * zi + ci
    return limit, sorted(locals())


def seen(frame_locals):
    return sorted(name for name in ("share", "total", "left") if name in frame_locals)


def peek_first(values, look):
    total = 0.0
    for value in values:
        if look:
            print("before", seen(sys._getframe().f_locals))
            print("caller", look(sys._getframe()))
        share = value * 0.5
        total += share
    return total, share


def divide_first(values, by):
    total = 0.0
    for value in values:
        left = value / by
        share = left * 2.0
        total += share
    return total, share


def scale_all(values):
    total = 0.0
    for value in values:
        share = value * 0.5
        total += share
    return total


def nothing_to_do(values):
    total = 0.0
    for value in values:
        share = value * 0.5
        total += share
    return total, sorted(locals())


for _ in range(6):
    print(escape(0.1, 0.2, 20), escape(1.5, 1.5, 20), peek_first([1.0, 2.0], None), divide_first([1.0, 3.0], 2.0),
          nothing_to_do([4.0]), scale_all([2.0, 4.0]))
print(escape(0.1, 0.2, 0), nothing_to_do([]))
print(peek_first([1.0, 2.0], lambda frame: seen(frame.f_locals)))
print(divide_first([1.0, 3.0], 2))
print(escape(1, 1, 5), escape(0.5, 0.25, 3))
try:
    divide_first([1.0, 2.0], 0.0)
except ZeroDivisionError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print("ZeroDivisionError", error, seen(frame.f_locals), frame.f_locals["total"])
try:
    divide_first([1.0, "x"], 1.0)
except TypeError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print("TypeError", error, seen(frame.f_locals), frame.f_locals["share"])
for values in (["x"], [1.0, "x"], [2.0, 3]):
    try:
        print(scale_all(values))
    except TypeError as error:
        frame = error.__traceback__.tb_next.tb_frame
        print("TypeError", error, seen(frame.f_locals), frame.f_locals.get("share"))
