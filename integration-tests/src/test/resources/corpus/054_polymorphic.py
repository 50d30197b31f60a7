# jit-expect-compiled: double add_all first_and_last describe_value
def double(x):
    return x + x


def add_all(items, start):
    acc = start
    for it in items:
        acc = acc + it
    return acc


def first_and_last(seq):
    if len(seq) == 0:
        return None
    return seq[0], seq[-1]


def describe_value(v):
    if isinstance(v, int) and not isinstance(v, bool):
        return "int " + str(v * 2)
    if isinstance(v, float):
        return "float " + str(v / 2)
    if isinstance(v, str):
        return "str " + v.upper()
    return "other " + repr(v)


for v in [3, 2.5, "ab", [1, 2], (0,), True, 10 ** 20, -0.0]:
    print(repr(v), repr(double(v)))
print(add_all([1, 2, 3], 0), add_all([1.5, 2], 0), add_all(["a", "b"], ">"), add_all([[1], [2]], []))
print(add_all([10 ** 19, 10 ** 19], 0), add_all([], "empty"), add_all((1, 2.0), 1))
print(first_and_last([1, 2, 3]), first_and_last("hello"), first_and_last(()), first_and_last(range(5)))
for v in [7, 7.0, "seven", None, True, [7]]:
    print(describe_value(v))
