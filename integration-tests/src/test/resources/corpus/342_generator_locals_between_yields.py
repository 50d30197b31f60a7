# jit-expect-compiled: counting averaging mixed overflowing catching failing scaled_sum main
# A generator's compiled code keeps its int and float locals in registers between yields and writes
# them to its frame before each one: a suspended generator's locals as gi_frame.f_locals shows them,
# written there while it is suspended (and seen when it resumes), a type switch and an int overflow
# after warm-up, a throw() into it, a traceback out of it, and a generator expression over a cell.
import sys


def counting(n):
    total = 0
    i = 0
    while i < n:
        total += i * i
        i += 1
        yield total


def averaging(values):
    count = 0
    mean = 0.0
    for value in values:
        count += 1
        mean += (value - mean) / count
        yield mean


def mixed(values):
    acc = 0
    for v in values:
        acc = acc + v
        yield acc


def overflowing(start, factor, times):
    x = start
    for _ in range(times):
        x = x * factor + 1
        yield x


def catching():
    seen = 0
    while True:
        try:
            seen += 1
            yield seen
        except ValueError as e:
            step = seen * 10
            print("caught", e, "after", seen, "step", step)
            seen += step


def failing(values):
    acc = 0
    for i, v in enumerate(values):
        acc += 100 // v
        yield acc


def scaled_sum(n, k):
    scale = k * 2
    return sum(x * scale for x in range(n))


def local_view(gen):
    return {name: value for name, value in gen.gi_frame.f_locals.items() if not name.startswith(".")}


def main():
    for _ in range(300):
        list(counting(20))
        list(averaging([1.0, 2.0, 3.5]))
        list(mixed([1, 2, 3]))
        list(overflowing(3, 7, 5))
        scaled_sum(30, 3)

    gen = counting(10)
    for _ in range(4):
        next(gen)
    print("suspended", sorted(local_view(gen).items()))
    gen.gi_frame.f_locals["total"] = 1000
    print("after a write", next(gen), sorted(local_view(gen).items()))
    print("rest", list(gen))

    avg = averaging([2.0, 4.0, 9.0, 1.0])
    print(next(avg), next(avg), sorted(local_view(avg).items()))
    print("rest", list(avg))

    print("ints then floats then big", list(mixed([1, 2, 0.5, 2 ** 62, 2 ** 62, -7])))
    try:
        print(list(mixed([1, 2, "three"])))
    except TypeError as e:
        print("TypeError:", e)
    print("overflow", [x % 1_000_003 for x in overflowing(3, 2 ** 20, 8)])

    c = catching()
    print(next(c), next(c))
    print("thrown", c.throw(ValueError("boom")))
    print("next", next(c), sorted(local_view(c).items()))
    c.close()

    f = failing([5, 4, 0, 3])
    print(next(f), next(f))
    try:
        next(f)
    except ZeroDivisionError:
        frame = sys.exc_info()[2].tb_next.tb_frame
        print("raised with", sorted((k, v) for k, v in frame.f_locals.items() if k in ("acc", "i", "v")))

    print("scaled sums", scaled_sum(1000, 3), scaled_sum(10, 2.5), scaled_sum(4, True))


main()
