# jit-expect-compiled: helper helper_v2 use_helper use_value
MODE = 1


def helper(x):
    return x + 1


def helper_v2(x):
    return x * 100


def use_helper(values):
    out = []
    for v in values:
        out.append(helper(v))
    return out


def use_value():
    return MODE * 2


print(use_helper([1, 2, 3]), use_value())
original = helper
helper = helper_v2
MODE = "ab"
print(use_helper([1, 2, 3]), use_value())
helper = len
MODE = [0]
print(use_helper(["a", "bcd", (1, 2)]), use_value())
helper = original
MODE = 2.5
print(use_helper([10]), use_value())
