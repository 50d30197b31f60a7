# jit-expect-compiled: transcendental reduce_accumulate out_and_where divide_by_zero warn_once with_errstate overflow_warnings main
# NumPy ufuncs called from compiled code: np.sin/np.exp/np.sqrt on arrays and scalars,
# ufunc methods (np.add.reduce, np.maximum.accumulate, np.multiply.outer), keyword arguments
# out= and where= (the call has keyword names, so the compiled call must pass them as such and
# the result must be the very `out` array), and np.errstate: division by zero and invalid
# operations yielding inf/nan silently inside `with np.errstate(...)`, raising
# FloatingPointError under errstate(all="raise") (caught, message printed), and emitting a
# RuntimeWarning to stderr under the default setting (the warning's text names the line of
# this file that triggered it, so the compiled code must report the same line).
import numpy as np

np.set_printoptions(precision=5, linewidth=100)


def transcendental():
    x = np.linspace(0.0, np.pi, 5)
    print("x", x)
    print("sin", np.round(np.sin(x), 6))
    print("cos", np.round(np.cos(x), 6))
    print("exp", np.exp(np.array([0.0, 1.0, -1.0, 2.5])))
    print("sqrt", np.sqrt(np.arange(6)))
    print("log1p", np.log1p(np.array([0.0, 1e-10, 1.0])))
    s = np.sin(np.float64(0.5))
    print("scalar sin", type(s).__name__, repr(s))
    e = np.exp(1)
    print("exp(int)", type(e).__name__, repr(e))
    r = np.sqrt(2.0)
    print("sqrt(float)", type(r).__name__, repr(r))
    print("hypot", np.hypot(np.array([3.0, 5.0]), np.array([4.0, 12.0])))
    print("arctan2", np.round(np.arctan2([1.0, -1.0], [-1.0, -1.0]), 6))
    print("floor/ceil", np.floor([-1.5, 1.5]), np.ceil([-1.5, 1.5]), np.rint([0.5, 1.5, 2.5]))
    total = 0.0
    for k in range(1, 6):
        total += np.sqrt(k) * np.exp(-k)
    print("loop total", type(total).__name__, repr(round(total, 12)))


def reduce_accumulate():
    a = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], dtype=np.int64)
    print("add.reduce", repr(np.add.reduce(a)))
    m = a.reshape(2, 5)
    print("add.reduce axis0", np.add.reduce(m, axis=0))
    print("add.reduce axis1", np.add.reduce(m, axis=1))
    print("maximum.accumulate", np.maximum.accumulate(a))
    print("minimum.accumulate", np.minimum.accumulate(a[::-1]))
    print("multiply.accumulate", np.multiply.accumulate(a[:6]))
    print("add.outer", np.add.outer(np.arange(3), np.arange(4)))
    print("multiply.outer", np.multiply.outer([1, 2], [10, 20, 30]))
    print("add.reduceat", np.add.reduceat(a, [0, 4, 7]))
    print("logical_or.reduce", np.logical_or.reduce([False, False, True]))
    print("subtract.accumulate", np.subtract.accumulate([10.0, 1.0, 2.0, 3.0]))
    print("ufunc attrs", np.add.nin, np.add.nout, np.add.identity, np.maximum.__name__)


def out_and_where():
    a = np.arange(6, dtype=np.float64)
    out = np.full(6, -1.0)
    res = np.multiply(a, 2.0, out=out)
    print("out is res", res is out, out)
    res2 = np.add(a, 100.0, out=out, where=a % 2 == 0)
    print("where", res2 is out, out)
    buf = np.zeros(6)
    np.sqrt(a, out=buf, where=a > 2)
    print("sqrt where", np.round(buf, 5))
    tup = np.divmod(np.arange(7), 3)
    print("divmod", tup[0], tup[1])
    q = np.empty(7, dtype=np.int64)
    r = np.empty(7, dtype=np.int64)
    np.divmod(np.arange(7), 3, out=(q, r))
    print("divmod out", q, r)
    acc = np.zeros(3)
    for step in range(4):
        np.add(acc, step, out=acc)
    print("acc", acc)
    try:
        np.add(a, 1.0, out=np.zeros(6, dtype=np.int64))
    except TypeError as exc:
        print("TypeError:", exc)


def divide_by_zero():
    a = np.array([1.0, -1.0, 0.0, 2.0])
    b = np.array([0.0, 0.0, 0.0, 4.0])
    with np.errstate(divide="ignore", invalid="ignore"):
        q = a / b
        lg = np.log(np.array([0.0, 1.0, -1.0]))
        s = np.sqrt(np.array([-4.0, 4.0]))
        z = np.float64(1.0) / np.float64(0.0)
        iz = np.array([1, 2, 0]) // np.array([0, 0, 0])
    print("a/b", q)
    print("isinf", np.isinf(q), "isnan", np.isnan(q), "isfinite", np.isfinite(q))
    print("log", lg)
    print("sqrt", s)
    print("scalar", repr(z), type(z).__name__, z > 1e308, z == np.inf)
    print("int floor-div by zero", iz)
    print("nan compare", q[2] == q[2], q[2] != q[2], np.nan_to_num(q))
    print("nansum", np.nansum(q[2:]), "nanmax", np.nanmax(np.array([np.nan, 3.0, 1.0])))
    # outside the errstate block: inf + -inf warns (RuntimeWarning on stderr, naming this line)
    print("inf arithmetic", q[0] + q[1], q[0] - 1e300)
    with np.errstate(all="raise"):
        try:
            a / b
        except FloatingPointError as e:
            print("FloatingPointError:", e)
        try:
            np.sqrt(np.array([-1.0]))
        except FloatingPointError as e:
            print("FloatingPointError:", e)
        try:
            np.array([1e308]) * 10.0
        except FloatingPointError as e:
            print("FloatingPointError:", e)
    print("errstate restored", np.geterr()["divide"], np.geterr()["invalid"])


def warn_once(x):
    # the default errstate warns: the RuntimeWarning goes to stderr and names this line
    return np.array([x]) / 0.0


def with_errstate(fn, **kw):
    with np.errstate(**kw):
        return fn()


def overflow_warnings():
    print("warn", warn_once(1.0), warn_once(-2.0))
    r = with_errstate(lambda: np.exp(np.array([1000.0])), over="ignore")
    print("exp overflow ignored", r)
    r2 = with_errstate(lambda: np.float64(1e308) * 10, over="ignore")
    print("scalar overflow ignored", repr(r2))
    old = np.seterr(invalid="ignore")
    print("inf-inf", np.array([np.inf]) - np.array([np.inf]))
    np.seterr(**old)


def main():
    transcendental()
    reduce_accumulate()
    out_and_where()
    divide_by_zero()
    overflow_warnings()


main()
