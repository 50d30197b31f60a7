# jit-expect-compiled: hypot_table path_parts count_words json_round_trip import_in_loop global_import missing_module missing_name relative_import traced_imports package_imports main
# import and from-import statements inside functions: math, os.path (import a.b binds a; import
# a.b as c binds the submodule), collections, json, aliases, imports repeated in a loop (served
# from sys.modules), an import that binds a global, ModuleNotFoundError and ImportError with their
# messages and attributes, a relative import in a script, a replaced builtins.__import__ seeing
# the calls with their fromlist and level, and a package in a temporary directory whose submodule
# is imported by from-import.
import builtins
import os
import sys
import tempfile


def hypot_table(n):
    import math
    from math import sqrt, pi as PI, floor
    rows = []
    for i in range(1, n + 1):
        rows.append((i, round(sqrt(i * i + 1), 6), floor(PI * i), math.isqrt(i * 10)))
    return rows, math.gcd(84, 120), math.inf > 10 ** 300


def path_parts(paths):
    import os.path
    import os.path as osp
    from os.path import basename, splitext
    out = []
    for p in paths:
        stem, ext = splitext(basename(p))
        out.append((stem, ext, osp.dirname(p), os.path.join("root", stem)))
    return out, osp is os.path, type(os).__name__


def count_words(text):
    from collections import Counter, OrderedDict, namedtuple, deque
    import collections
    Pair = namedtuple("Pair", "word count")
    counts = Counter(text.split())
    ordered = OrderedDict(sorted(counts.items()))
    window = deque(maxlen=3)
    for w in text.split():
        window.append(w)
    top = [Pair(w, c) for w, c in counts.most_common(3)]
    dd = collections.defaultdict(list)
    for w in text.split():
        dd[len(w)].append(w)
    return list(ordered.items())[:4], list(window), top, sorted(dd.items())[:2]


def json_round_trip(obj):
    import json
    from json import dumps, loads, JSONDecodeError
    text = dumps(obj, sort_keys=True)
    back = loads(text)
    try:
        loads("{bad json")
    except JSONDecodeError as e:
        error = (type(e).__name__, e.msg, e.pos)
    return text, back == obj, json.dumps(back, indent=None, separators=(",", ":"), sort_keys=True), error


def import_in_loop(n):
    total = 0
    for i in range(n):
        import math
        from operator import add, mul
        total = add(total, mul(i, int(math.copysign(1, i - 2))))
    return total, "operator" in sys.modules


def global_import():
    global textwrap
    import textwrap
    return textwrap.shorten("a b c d e f g h i j k", width=12)


def later_user():
    return textwrap.fill("one two three", width=7)


def missing_module(names):
    out = []
    for name in names:
        try:
            __import__(name)
            out.append(("imported", name))
        except ModuleNotFoundError as e:
            out.append(("ModuleNotFoundError", str(e), e.name))
    try:
        import pyjit_corpus_no_such_module_200
    except ImportError as e:
        out.append((type(e).__name__, str(e), e.name))
    try:
        import os.pyjit_no_such_sub
    except ModuleNotFoundError as e:
        out.append((type(e).__name__, str(e), e.name))
    try:
        import json.pyjit_no_such_sub as alias
    except ModuleNotFoundError as e:
        out.append((type(e).__name__, str(e), e.name))
    return out


def missing_name():
    out = []
    try:
        from math import nonexistent
    except ImportError as e:
        out.append((type(e).__name__, str(e).split(" (")[0], e.name, os.path.basename(e.path or "")[:4]))
    try:
        from json import loads, nonexistent_too
    except ImportError as e:
        out.append((type(e).__name__, str(e).split(" (")[0], e.name))
    try:
        from collections import OrderedDict, Nope as N
    except ImportError as e:
        out.append((type(e).__name__, str(e).split(" (")[0]))
    print("isinstance ModuleNotFoundError of ImportError:", issubclass(ModuleNotFoundError, ImportError))
    return out


def relative_import():
    try:
        from . import sibling
    except ImportError as e:
        return type(e).__name__, str(e)
    return "imported?"


def traced_imports():
    seen = []
    original = builtins.__import__

    def spy(name, globals=None, locals=None, fromlist=(), level=0):
        if globals is not None and globals.get("__name__") == "__main__":
            seen.append((name, tuple(fromlist) if fromlist else fromlist, level))
        return original(name, globals, locals, fromlist, level)

    builtins.__import__ = spy
    try:
        import math
        import os.path
        from collections import deque
        from json import dumps as d
        import string as s
        result = (math.floor(2.5), os.path.sep, deque([1]).pop(), d([1]), s.digits[:3])
    finally:
        builtins.__import__ = original
    return result, seen


def package_imports(directory):
    pkg = os.path.join(directory, "pyjit_pkg200")
    os.mkdir(pkg)
    with open(os.path.join(pkg, "__init__.py"), "w") as f:
        f.write("NAME = 'pkg'\n")
    with open(os.path.join(pkg, "helpers.py"), "w") as f:
        f.write("from . import NAME\ndef shout(s):\n    return (NAME + ':' + s).upper()\n")
    with open(os.path.join(pkg, "broken.py"), "w") as f:
        f.write("X = 1\nraise ValueError('broken module body')\n")
    sys.path.insert(0, directory)
    try:
        import pyjit_pkg200
        had_helpers = hasattr(pyjit_pkg200, "helpers")
        from pyjit_pkg200 import helpers
        from pyjit_pkg200.helpers import shout
        out = [had_helpers, hasattr(pyjit_pkg200, "helpers"), shout("hi"), helpers.NAME]
        for attempt in range(2):
            try:
                from pyjit_pkg200 import broken
            except ValueError as e:
                out.append(("attempt", attempt, str(e), "pyjit_pkg200.broken" in sys.modules))
        return out
    finally:
        sys.path.pop(0)
        for name in [m for m in sys.modules if m.startswith("pyjit_pkg200")]:
            del sys.modules[name]


def main():
    print(hypot_table(4))
    print(path_parts(["/usr/lib/file.tar.gz", "rel/dir/x.py", "noext"]))
    print(count_words("the cat and the hat and the bat sat on a mat in the house"))
    print(json_round_trip({"b": [1, 2.5, None, True], "a": {"nested": "ü"}}))
    print(import_in_loop(6))
    print(global_import(), "|", later_user().replace("\n", "/"))
    for row in missing_module(["colorsys", "pyjit_missing_a", "xml.pyjit_missing_b"]):
        print(row)
    for row in missing_name():
        print(row)
    print(relative_import())
    print(traced_imports())
    with tempfile.TemporaryDirectory() as d:
        print(package_imports(d))


main()
