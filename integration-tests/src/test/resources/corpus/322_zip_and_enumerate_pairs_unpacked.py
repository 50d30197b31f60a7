# jit-expect-compiled: weighted_sum index_after_loop switches_type raises_inside start_near_the_end over_a_generator zip_of_three_unpacked_in_two dict_items nested_pairs strs_and_dicts zip_stops_at_the_shorter
# jit-threshold: 5
# jit-loop-threshold: 5
# jit-expect-deopts: switches_type start_near_the_end
# jit-expect-no-deopts: over_a_generator
# A loop over zip(a, b) or enumerate(...) that unpacks each pair at once takes the two items
# without a tuple, and an enumerate's index as a number: past 256 items, with the index kept after
# the loop, seen by a traceback or locals(), an item of another type half way, an index that
# outgrows a machine word, an iterator that is not inert, a zip of three, a dict's items.
import sys


def weighted_sum(xs, ys):
    total = 0.0
    for i, x in enumerate(xs):
        total += i * x + ys[i]
    for x, y in zip(xs, ys):
        total -= x * y
    return total


def index_after_loop(xs):
    last = -1
    for i, x in enumerate(xs):
        if x < 0:
            break
        last = i
    return last, i if xs else None


def switches_type(xs):
    out = 0.0
    for i, x in enumerate(xs):
        out += x * 2.0 + i  # after warm-up on floats, x turns into an int half way, or a str
    return out, i


def raises_inside(xs):
    for i, x in enumerate(xs):
        if i == 300:
            names = sorted(k for k in locals() if len(k) == 1)
            raise ValueError(f"at {i}: {x} {names}")
    return None


def start_near_the_end(xs):
    return [(i, x) for i, x in enumerate(xs, sys.maxsize - 2)]


def generate(n):
    for k in range(n):
        yield k * 3


def over_a_generator(xs):
    total = 0
    for a, b in zip(xs, generate(len(xs))):
        total += a * b
    for i, g in enumerate(generate(4)):
        total += i * g
    return total


def zip_of_three_unpacked_in_two(a, b, c):
    try:
        for x, y in zip(a, b, c):
            print("never", x, y)
    except ValueError as error:
        return str(error)
    return "no error"


def dict_items(d):
    total = 0
    for k, v in d.items():
        total += k * v
    return total


def nested_pairs(pairs):
    out = []
    for i, (a, b) in enumerate(pairs):
        out.append(i * a - b)
    for (a, b), c in zip(pairs, "xyz"):
        out.append(c * (a % 3))
    return out


def strs_and_dicts(s, d):
    out = []
    for i, ch in enumerate(s):
        out.append(f"{i}{ch}")
    for k, ch in zip(d, s):
        out.append(k + ch)
    return "".join(out)


def zip_stops_at_the_shorter(xs, ys):
    seen = []
    for x, y in zip(xs, ys):
        seen.append(x - y)
    return seen


floats = [k * 0.25 for k in range(600)]
mixed = [k * 0.5 for k in range(300)] + list(range(300)) + ["s"]
for round_ in range(8):
    print(weighted_sum(floats, floats[::-1]))
    print(index_after_loop(floats), index_after_loop([]), index_after_loop([1.0, -2.0]))
    try:
        print(switches_type(floats if round_ < 4 else mixed if round_ % 2 else mixed[:-1]))
    except TypeError as error:
        print("TypeError:", error)
    try:
        raises_inside(floats)
    except ValueError as error:
        print(error)
    print(start_near_the_end(["a", "b", "c", "d"]))
    print(over_a_generator([1, 2, 3]))
    print(zip_of_three_unpacked_in_two([1], [2], [3]), zip_of_three_unpacked_in_two([], [2], [3]))
    print(dict_items({k: k + 1 for k in range(10)}))
    print(nested_pairs([(1, 2), (3, 4), (5, 6), (7, 8)]))
    print(strs_and_dicts("hello", {"a": 1, "b": 2}))
    print(zip_stops_at_the_shorter([1, 2, 3], [4, 5]), zip_stops_at_the_shorter(range(3), [9, 8, 7, 6]))
