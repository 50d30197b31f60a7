# jit-expect-compiled: catch index_errors reshape_errors type_errors value_errors nested_lookup frames_of chained main
# Errors raised inside NumPy (C code) and caught by compiled Python code: IndexError for an
# out-of-bounds index, ValueError from reshape and broadcasting, TypeError from bad
# operand types or call arguments, and a few others. Each handler prints the exception type
# and message, so the compiled code must hand over exactly the exception NumPy set. One
# error passes through two of this program's frames before being caught: its traceback's
# function names and line numbers are printed (traceback.extract_tb), so the compiled code
# must record the same frames and lines as the interpreter. The last case chains errors with
# `raise ... from` and checks __cause__ / __context__.
import traceback

import numpy as np


def catch(label, fn, *args):
    try:
        result = fn(*args)
    except (IndexError, ValueError, TypeError, KeyError, AttributeError, ZeroDivisionError,
            OverflowError) as e:
        print(label, "->", type(e).__name__ + ":", e)
        return None
    print(label, "->", "ok", repr(result))
    return result


def index_errors():
    a = np.arange(5)
    m = np.zeros((2, 3))
    catch("a[5]", lambda: a[5])
    catch("a[-6]", lambda: a[-6])
    catch("a[-5]", lambda: a[-5])
    catch("m[2, 0]", lambda: m[2, 0])
    catch("m[0, 0, 0]", lambda: m[0, 0, 0])
    catch("a[[1, 7]]", lambda: a[[1, 7]])
    catch("mask len", lambda: a[np.array([True, False])])
    catch("float index", lambda: a[1.0])
    catch("np.take", lambda: np.take(a, 10))
    catch("np.take clip", lambda: np.take(a, 10, mode="clip"))
    for i in range(4, 7):
        try:
            a[i] = 1
            print("stored at", i)
        except IndexError as e:
            print("store", i, "->", e)
    catch("empty argmax", lambda: np.array([]).argmax())
    catch("list index with np.int64", lambda: [1, 2, 3][np.int64(3)])


def reshape_errors():
    a = np.arange(12)
    catch("reshape 5,3", a.reshape, 5, 3)
    catch("reshape -1,5", a.reshape, -1, 5)
    catch("reshape -1,-1", a.reshape, -1, -1)
    catch("reshape ok", lambda: a.reshape(3, -1).shape)
    catch("resize view", lambda: a[::2].resize(3))
    catch("shape assign", setattr, a.reshape(3, 4).T, "shape", (12,))
    catch("swapaxes", lambda: a.swapaxes(0, 1))
    catch("concatenate", np.concatenate, [np.zeros((2, 2)), np.zeros((3, 3))])
    catch("stack", np.stack, [np.zeros(2), np.zeros(3)])


def type_errors():
    a = np.arange(3)
    catch("add str", lambda: a + "x")
    catch("np.sqrt(str)", np.sqrt, "abc")
    catch("len(scalar)", len, np.float64(1.0))
    catch("iter scalar", iter, np.int64(5))
    catch("bad kwarg", lambda: np.zeros(3, bogus=1))
    catch("bad dtype", np.dtype, "not-a-dtype")
    catch("int of array", int, np.array([1, 2]))
    catch("bitwise on float", lambda: np.array([1.5]) & 1)
    catch("hash array", hash, a)
    catch("call ndarray", lambda: a(1))
    catch("bool of array", bool, np.array([1, 2]))


def value_errors():
    catch("broadcast (3,)+(4,)", lambda: np.ones(3) + np.ones(4))
    catch("broadcast assign", lambda: np.zeros((2, 3)).__setitem__(slice(None), np.ones(2)))
    catch("float('x')", float, np.str_("x"))
    catch("np.float64('x')", np.float64, "x")
    catch("int64 overflow", np.int64, 2 ** 70)
    catch("array from ragged", np.array, [[1, 2], [3]])
    catch("linspace num", np.linspace, 0, 1, -1)
    catch("structured key", lambda: np.zeros(2, dtype=[("x", "f8")])["y"])
    catch("np.int64 // 0", lambda: np.int64(1) // 0)
    catch("int // 0", lambda: 1 // 0)
    catch("python float overflow", lambda: 10.0 ** 400)


def nested_lookup(arr, i):
    return arr[i] * 2


def frames_of(arr, i):
    return nested_lookup(arr, i) + 1


def chained():
    try:
        try:
            frames_of(np.arange(3), 9)
        except IndexError as e:
            raise ValueError("lookup failed") from e
    except ValueError as outer:
        cause = outer.__cause__
        print("chained:", type(outer).__name__, outer, "| cause:", type(cause).__name__, cause,
              "| suppress:", outer.__suppress_context__)
    try:
        try:
            np.ones(2) @ np.ones(3)
        except ValueError:
            {}["missing"]
    except KeyError as e:
        print("context:", type(e).__name__, e, "| context:", type(e.__context__).__name__)


def main():
    index_errors()
    reshape_errors()
    type_errors()
    value_errors()
    try:
        frames_of(np.arange(3), 3)
    except IndexError as e:
        print("IndexError:", e)
        for frame in traceback.extract_tb(e.__traceback__):
            print("  frame", frame.name, frame.lineno, frame.line)
    chained()


main()
