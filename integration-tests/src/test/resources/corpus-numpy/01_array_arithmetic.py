# jit-expect-compiled: show elementwise inplace promotion matmul reductions main
# NumPy array arithmetic from compiled code: the binary operators (+ - * / // % **) on
# arrays and on array/scalar mixes, in-place operators (which must mutate the same array
# object, not rebind to a copy), dtype promotion between bool, int64 and float64, matrix
# multiply with @ and reductions with and without axis. Every operator here goes through
# NumPy's nb_* slots, so the compiled code must dispatch them generically and keep the
# in-place/aliasing semantics of the interpreter.
import numpy as np

np.set_printoptions(precision=4, suppress=True, linewidth=100)


def show(label, value):
    if isinstance(value, np.ndarray):
        print(label, value.dtype, value.shape)
        print(value)
    else:
        print(label, type(value).__name__, repr(value))


def elementwise():
    a = np.arange(1, 7, dtype=np.int64).reshape(2, 3)
    b = np.array([[2, 2, 3], [-4, 5, -6]], dtype=np.int64)
    show("a+b", a + b)
    show("a-b", a - b)
    show("a*b", a * b)
    show("a/b", a / b)
    show("a//b", a // b)
    show("a%b", a % b)
    show("a**2", a ** 2)
    show("b**a", b ** a)
    show("-a", -a)
    show("abs(b)", abs(b))
    show("a*2.5", a * 2.5)
    show("10-a", 10 - a)
    show("7//b", 7 // b)
    show("-7%b", -7 % b)
    show("a**0.5", a ** 0.5)
    # comparisons produce bool arrays
    show("a>b", a > b)
    show("a==b", a == b)
    show("~(a>b)", ~(a > b))
    show("(a>2)&(b>0)", (a > 2) & (b > 0))


def inplace():
    a = np.arange(6, dtype=np.float64)
    alias = a
    view = a[1:4]
    a += 1
    a *= 2.0
    a -= np.array([1, 1, 1, 1, 1, 1])
    a /= 2
    a **= 2
    show("a", a)
    print("alias is a:", alias is a, "view sees it:", view)
    view += 100
    show("a after view+=100", a)
    i = np.arange(5)
    i //= 2
    i %= 2
    i <<= 3
    i |= 1
    show("i", i)
    try:
        i += 0.5
    except TypeError as e:
        print("TypeError:", e)
    show("i unchanged", i)
    total = 0
    for k in range(5):
        acc = np.zeros(3)
        acc += k
        acc *= k
        total += int(acc.sum())
    print("total", total)


def promotion():
    b = np.array([True, False, True])
    i = np.array([1, 2, 3], dtype=np.int64)
    f = np.array([0.5, 1.5, 2.5])
    i32 = np.array([1, 2, 3], dtype=np.int32)
    for name, value in [("b+b", b + b), ("b+i", b + i), ("i+f", i + f), ("b*f", b * f),
                        ("i/i", i / i), ("i//i", i // i), ("i32+i", i32 + i),
                        ("i32+1", i32 + 1), ("i32*1.5", i32 * 1.5),
                        ("i+True", i + True), ("b&b", b & b), ("b.sum", b.sum()),
                        ("i.mean", i.mean()), ("i**-1.0", i ** -1.0)]:
        show(name, value)
    print(np.result_type(np.int64, np.float64), np.result_type(np.bool_, np.int64),
          np.result_type(np.int32, np.float32), np.promote_types("i8", "f4"))


def matmul():
    a = np.arange(6, dtype=np.float64).reshape(2, 3)
    b = np.arange(12, dtype=np.float64).reshape(3, 4) - 5
    show("a@b", a @ b)
    v = np.array([1.0, -2.0, 0.5])
    show("a@v", a @ v)
    show("v@v", v @ v)
    ia = np.arange(4, dtype=np.int64).reshape(2, 2)
    show("ia@ia", ia @ ia)
    m = np.eye(2)
    m @= np.array([[2.0, 1.0], [0.0, 3.0]])
    show("m", m)
    show("dot", np.dot(a, b).T)
    try:
        a @ a
    except ValueError as e:
        print("ValueError:", e)


def reductions():
    a = np.array([[3.0, 1.0, 4.0, 1.0], [5.0, 9.0, 2.0, 6.0], [5.0, 3.0, 5.0, 8.0]])
    show("sum", a.sum())
    show("sum0", a.sum(axis=0))
    show("sum1", a.sum(axis=1))
    show("mean", a.mean())
    show("mean0", a.mean(axis=0))
    show("std", round(float(a.std()), 10))
    show("std1", np.round(a.std(axis=1), 8))
    show("min", a.min())
    show("max1", a.max(axis=1))
    show("argmax", a.argmax())
    show("argmax0", a.argmax(axis=0))
    show("argmin1", a.argmin(axis=1))
    show("cumsum", a.cumsum())
    show("cumsum1", a.cumsum(axis=1))
    show("cumprod0", a.cumprod(axis=0))
    show("prod", np.prod(a[:, :2], axis=1))
    i = np.arange(1, 11, dtype=np.int64)
    show("isum", i.sum())
    show("imean", i.mean())
    show("keepdims", a.sum(axis=1, keepdims=True))
    show("any/all", (bool((a > 8).any()), bool((a > 0).all())))


def main():
    elementwise()
    inplace()
    promotion()
    matmul()
    reductions()


main()
