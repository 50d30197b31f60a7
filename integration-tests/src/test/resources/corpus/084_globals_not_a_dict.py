# jit-expect-compiled: lookup total __missing__
# Functions whose globals are a dict subclass with __missing__ (exec with such a mapping) look
# globals up through the mapping protocol, as the interpreter does: a miss returns __missing__'s value.
class Defaulting(dict):
    def __missing__(self, key):
        return "<" + key + ">"


source = """
def lookup():
    return undefined_name, len

def total(n):
    parts = []
    i = 0
    while i < n:
        parts.append(missing_too)
        i += 1
    return parts
"""
namespace = Defaulting()
exec(compile(source, __file__, "exec"), namespace)
print(namespace["lookup"]())
print(namespace["total"](3))
namespace["missing_too"] = "x"
print(namespace["total"](2))
