# jit-expect-compiled: mix compare_mixed to_num
def mix(i, f):
    a = i + f
    b = i * f
    c = i / 2
    d = i // f
    e = f % i
    g = i ** -1
    return a, b, c, d, e, g


def compare_mixed(i, f):
    return i == f, i < f, i >= f, i != f


def to_num(s):
    if "." in s:
        return float(s)
    return int(s)


print(mix(7, 2.5))
print(mix(-3, 0.5))
print(mix(10 ** 20, 3.0))
print(compare_mixed(3, 3.0), compare_mixed(2, 2.5), compare_mixed(10 ** 17, 1e17))
print(compare_mixed(2 ** 53 + 1, float(2 ** 53)))
total = 0
for s in ["1", "2.5", "-3", "4.25", "100"]:
    total = total + to_num(s)
print(total, type(total).__name__)
print(int(7.9), int(-7.9), float(3), round(2.5), round(3.5), abs(-2.0))
