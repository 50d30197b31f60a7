# jit-expect-compiled: make_and_drop run
# jit-threshold: 1
# A program that asks for a co_extra index of its own, with a free function written in Python (as
# test_code does through ctypes). CPython calls every index's free function for a dying code
# object, also with NULL for a slot nobody set, as large as the holder is. The runtime keeps its
# state in the slot it asked for, in a holder of its own slots alone: the program's function sees
# only the codes the program gave extras to, during the run and while the interpreter finalises
# (where a ctypes callback can no longer run).
import ctypes
import gc

py = ctypes.pythonapi
freefunc = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
request_index = py.PyUnstable_Eval_RequestCodeExtraIndex
request_index.argtypes = (freefunc,)
request_index.restype = ctypes.c_ssize_t
set_extra = py.PyUnstable_Code_SetExtra
set_extra.argtypes = (ctypes.py_object, ctypes.c_ssize_t, ctypes.c_void_p)
set_extra.restype = ctypes.c_int

freed = []


def on_free(pointer):
    freed.append(pointer)


FREE = freefunc(on_free)
INDEX = request_index(FREE)


def make_and_drop(n, tagged):
    function = eval(f"lambda x: x * {n}")
    total = function(n) + function(1)
    if tagged:
        set_extra(function.__code__, INDEX, 1000 + n)
    del function
    return total


def run(rounds):
    total = 0
    for n in range(rounds):
        total += make_and_drop(n, n % 3 == 0)
    gc.collect()
    return total


print(run(12))
print("tagged codes freed:", sorted(pointer for pointer in freed if pointer is not None))
print("untagged codes seen by the program's free function:", sum(pointer is None for pointer in freed))
