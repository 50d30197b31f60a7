# jit-expect-compiled: total put_all
# jit-threshold: 4
# jit-loop-threshold: 4
# jit-expect-deopts: total put_all
# The interpreter specialises these loops' subscripts for lists indexed by ints, and the sums for
# ints; then they get tuples, dicts, strings, floats, an index past the end and a negative one.
# Each result, and the locals an IndexError's traceback shows, are the interpreter's.


def total(seq, n):
    s = 0
    for i in range(n):
        s = s + seq[i]
    return s


def put_all(seq, n, value):
    for i in range(n):
        seq[i] = value
    return seq


for _ in range(5):
    print(total([1, 2, 3, 4], 4), put_all([0, 0, 0], 3, 7))
print(total((1, 2, 3), 3), total({0: 5, 1: 6}, 2), total([1.5, 2.5], 2), total([1, 2, 3], -0))
print(put_all({}, 2, "x"), put_all([0, 0], 2, 1.5))
try:
    total([10, 20, 30], 5)
except IndexError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print("IndexError", error, frame.f_locals["s"], frame.f_locals["i"])
try:
    put_all([1], 3, 0)
except IndexError as error:
    print("IndexError", error, error.__traceback__.tb_next.tb_frame.f_locals["i"])
print(total("abc", 0), total([5, 6, 7], 3))
