# jit-expect-compiled: lookup_loop plain uses_builtin explodes __missing__
# Functions created by exec(src, G()) where G is a dict subclass with __missing__: a global lookup
# that misses returns what __missing__ returns (in a loop and in a plain function); with a dict
# subclass as globals even builtin names go through __missing__ (it hands back the builtin here);
# a __missing__ that raises gives its own exception. The source is compiled under this file's name
# with its own line numbers, so the functions count as this file's.
import builtins


class G(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.missed = []

    def __missing__(self, key):
        self.missed.append(key)
        if key.startswith("boom"):
            raise LookupError("no global " + key)
        if hasattr(builtins, key):
            return getattr(builtins, key)
        return "<" + key + ">"


SRC = '''
def lookup_loop(n):
    out = []
    for i in range(n):
        out.append(undefined_thing)
        out.append(defined)
    return out


def plain():
    return another_missing + "!"


def uses_builtin(s):
    return len(s), str(s)


def explodes():
    return boom_name
'''


def call(g, name, *args):
    try:
        return g[name](*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


with open(__file__) as f:
    first_line = f.read().split("SRC = '''")[0].count("\n") + 1
g = G(defined="yes")
exec(compile("\n" * (first_line - 1) + SRC, __file__, "exec"), g)
print(call(g, "lookup_loop", 3))
print(call(g, "plain"), call(g, "plain"))
print(call(g, "uses_builtin", "abc"))
print(call(g, "explodes"))
print(g.missed)
g["undefined_thing"] = 42
g["another_missing"] = "now defined"
print(call(g, "lookup_loop", 2), call(g, "plain"))
g.missed.clear()
del g["defined"]
print(call(g, "lookup_loop", 2), g.missed)
for i in range(3):
    g.missed.clear()
    print(call(g, "plain"), call(g, "uses_builtin", [i]), g.missed)
