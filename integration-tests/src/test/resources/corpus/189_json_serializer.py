# jit-expect-compiled: __init__ escape_char __json__ <lambda> indent_of
# A realistic JSON-like serializer: recursion over dicts/lists/tuples, string escaping, floats
# with repr, custom objects via a __json__ hook, cycle detection raising ValueError, sort_keys and
# indentation; the output is checked against json.loads and then an unsupported type ends the program.
import json
import math


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __json__(self):
        return {"x": self.x, "y": self.y}


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def escape_char(ch):
    if ch in ESCAPES:
        return ESCAPES[ch]
    if ord(ch) < 0x20:
        return "\\u%04x" % ord(ch)
    return ch


def indent_of(level, width):
    return "\n" + " " * (level * width)


def serialize(obj, indent=None, sort_keys=False, _level=0, _seen=None):
    if _seen is None:
        _seen = set()
    match obj:
        case None:
            return "null"
        case bool():
            return "true" if obj else "false"
        case int():
            return str(obj)
        case float():
            if math.isnan(obj) or math.isinf(obj):
                raise ValueError(f"out of range float: {obj!r}")
            return repr(obj)
        case str():
            return '"' + "".join(escape_char(c) for c in obj) + '"'
    if id(obj) in _seen:
        raise ValueError("circular reference detected")
    _seen.add(id(obj))
    try:
        if hasattr(obj, "__json__"):
            return serialize(obj.__json__(), indent, sort_keys, _level, _seen)
        if isinstance(obj, (list, tuple)):
            if not obj:
                return "[]"
            parts = [serialize(v, indent, sort_keys, _level + 1, _seen) for v in obj]
            if indent is None:
                return "[" + ", ".join(parts) + "]"
            inner = indent_of(_level + 1, indent)
            return "[" + inner + ("," + inner).join(parts) + indent_of(_level, indent) + "]"
        if isinstance(obj, dict):
            if not obj:
                return "{}"
            items = sorted(obj.items()) if sort_keys else list(obj.items())
            parts = []
            for k, v in items:
                if not isinstance(k, str):
                    raise TypeError(f"keys must be str, not {type(k).__name__}")
                parts.append(f"{serialize(k)}: {serialize(v, indent, sort_keys, _level + 1, _seen)}")
            if indent is None:
                return "{" + ", ".join(parts) + "}"
            inner = indent_of(_level + 1, indent)
            return "{" + inner + ("," + inner).join(parts) + indent_of(_level, indent) + "}"
        raise TypeError(f"Object of type {type(obj).__name__} is not serializable")
    finally:
        _seen.discard(id(obj))


doc = {
    "name": "pyjit \"corpus\"\n",
    "version": (1, 2, 3),
    "ratio": 0.1 + 0.2,
    "flags": [True, False, None],
    "points": [Point(1, 2), Point(-3, 4.5)],
    "nested": {"z": [], "a": {}, "m": [[1], [2, [3]]]},
    "ctrl": "\x01\t",
}
compact = serialize(doc)
print(compact)
print(json.loads(compact) == json.loads(json.dumps(doc, default=lambda o: o.__json__())))
print(serialize(doc, indent=2, sort_keys=True))
shared = [1, 2]
print(serialize({"a": shared, "b": shared}))
loop = [1]
loop.append(loop)
for bad in (loop, {"x": float("nan")}, {1: "int key"}):
    try:
        serialize(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(serialize({"when": {1, 2}}))
