# jit-expect-compiled: divide modulo fdiv reciprocal
def divide(a, b):
    return a / b


def modulo(a, b):
    return a % b


def fdiv(a, b):
    return a // b


def reciprocal(x):
    return 1.0 / x


for fn, args in [(divide, (1, 0)), (modulo, (5, 0)), (fdiv, (7, 0)),
                 (divide, (1.5, 0.0)), (modulo, (2.5, 0.0)), (fdiv, (3.0, 0)),
                 (reciprocal, (0,)), (divide, (9, 3)), (fdiv, (10 ** 30, 0))]:
    try:
        print(fn.__name__, args, "=", fn(*args))
    except ZeroDivisionError as e:
        print(fn.__name__, args, "raised", type(e).__name__, e)
print(reciprocal(4))
