# jit-expect-compiled: cmp_all eq_checks
def cmp_all(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


def eq_checks(a, b):
    return a == b, a != b, a is b, a is not b


print(cmp_all(1, 2.0))
print(cmp_all(True, 1))
print(cmp_all(False, 0.0))
print(cmp_all("abc", "abd"))
print(cmp_all((1, 2), (1, 2, 0)))
print(cmp_all([3, "a"], [3, "b"]))
print(cmp_all(10 ** 30, 1e30))
print(cmp_all(float("nan"), 1.0))
print(eq_checks(1, "1"))
print(eq_checks(None, None))
print(eq_checks([1], [1]))
print(eq_checks(1, 1.0))
print(eq_checks((), ()))
for pair in [(1, "a"), ("a", 1), ([1], (1,)), (None, 0)]:
    try:
        print(cmp_all(pair[0], pair[1]))
    except TypeError as e:
        print("TypeError:", e)
