# jit-expect-compiled: combine failures loop_import submodule use_math use_tmp_module
# import and from-import statements inside functions and loops: cached modules (sys.modules),
# aliasing, importing a submodule, ImportError/ModuleNotFoundError details, a module created from
# a temporary directory on sys.path and reloaded after the function ran once.
import sys
import tempfile
import os


def combine(a, b):
    return a * 1000 + b


def use_math(values):
    import math
    from math import sqrt as root, floor
    out = []
    for v in values:
        out.append((root(v), floor(math.log2(v))))
    return out


def loop_import(n):
    names = []
    for i in range(n):
        import json
        from collections import OrderedDict
        names.append(json.dumps(OrderedDict(k=i)))
    return names


def submodule():
    import os.path
    from os import path as p
    return os.path is p, p.basename("/a/b/c.txt")


def failures():
    out = []
    try:
        import no_such_module_pyjit_test
    except ModuleNotFoundError as e:
        out.append(("ModuleNotFoundError", e.name))
    try:
        from math import no_such_name
    except ImportError as e:
        out.append(("ImportError", e.name, str(e).split(" (")[0]))
    return out


def use_tmp_module(directory, n):
    sys.path.insert(0, directory)
    try:
        import pyjit_tmp_mod
        total = 0
        for i in range(n):
            total = combine(0, total + pyjit_tmp_mod.twice(i))
        return total, pyjit_tmp_mod.VERSION
    finally:
        sys.path.pop(0)


print(use_math([1, 2, 10, 1024]))
print(loop_import(3))
print(submodule())
print(failures())
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "pyjit_tmp_mod.py"), "w") as f:
        f.write("VERSION = 1\ndef twice(x):\n    return 2 * x\n")
    print(use_tmp_module(d, 10))
    import importlib
    import pyjit_tmp_mod
    with open(os.path.join(d, "pyjit_tmp_mod.py"), "w") as f:
        f.write("VERSION = 2\ndef twice(x):\n    return 3 * x + 0\n")
    sys.path.insert(0, d)
    importlib.invalidate_caches()
    mtime = os.path.getmtime(os.path.join(d, "pyjit_tmp_mod.py"))
    os.utime(os.path.join(d, "pyjit_tmp_mod.py"), (mtime + 10, mtime + 10))
    importlib.reload(pyjit_tmp_mod)
    sys.path.pop(0)
    print(use_tmp_module(d, 10))
