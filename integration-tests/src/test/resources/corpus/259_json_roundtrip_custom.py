# jit-expect-compiled: default object_hook encode decode roundtrip bad_inputs main
# JSON round trips from compiled code: dumps with sort_keys/indent/separators, non-ASCII with
# and without ensure_ascii, a default= hook encoding dataclass-like objects, sets (sorted) and
# complex numbers, an object_hook turning tagged dicts back into objects, a JSONEncoder
# subclass, special floats (NaN/Infinity allowed, then refused), int keys turned into strings,
# tuples into lists, and JSONDecodeError messages with line and column for broken inputs.
import json
import math


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def default(obj):
    if isinstance(obj, Point):
        return {"__point__": [obj.x, obj.y]}
    if isinstance(obj, (set, frozenset)):
        return {"__set__": sorted(obj)}
    if isinstance(obj, complex):
        return {"__complex__": [obj.real, obj.imag]}
    raise TypeError("cannot encode %s" % type(obj).__name__)


def object_hook(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    if "__set__" in d:
        return set(d["__set__"])
    if "__complex__" in d:
        return complex(*d["__complex__"])
    return d


class Encoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, Point):
            return "P(%s,%s)" % (obj.x, obj.y)
        return super().default(obj)


def encode(value, **kw):
    return json.dumps(value, default=default, sort_keys=True, **kw)


def decode(text):
    return json.loads(text, object_hook=object_hook)


def roundtrip(value):
    text = encode(value)
    back = decode(text)
    return text, back == value, back


def bad_inputs(texts):
    out = []
    for text in texts:
        try:
            out.append(json.loads(text))
        except json.JSONDecodeError as e:
            out.append("%s (line %d col %d pos %d)" % (e.msg, e.lineno, e.colno, e.pos))
    return out


def main():
    data = {"name": "Zoë", "tags": {"b", "a", "c"}, "origin": Point(1, 2), "z": 1 + 2j,
            "nested": [Point(0, -1), {"deep": (1, 2)}], "none": None, "ok": True}
    text, same, back = roundtrip(data)
    print(text)
    print(same, back["tags"] == data["tags"], back["nested"], sorted(back, key=str))
    print(encode({"b": [1, {"y": 2, "x": 1}], "a": "é"}, indent=2, ensure_ascii=False))
    print(encode([1, 2, {"k": "v"}], separators=(",", ":")))
    keys = json.dumps({3: "int", 1.5: "float", True: "bool", None: "null"})
    print(keys, json.loads(keys), json.loads(json.dumps((1, (2, 3)))))
    print(json.dumps({"p": Point(3, 4), "list": [Point(5, 6)]}, cls=Encoder, sort_keys=True))
    specials = json.dumps([math.inf, -math.inf, math.nan, 1e300, 0.1 + 0.2])
    print(specials, [str(v) for v in json.loads(specials)])
    try:
        json.dumps([math.nan], allow_nan=False)
    except ValueError as e:
        print("ValueError:", e)
    try:
        encode({"bad": object()})
    except TypeError as e:
        print("TypeError:", e)
    print(bad_inputs(['{"a": 1,}', '[1, 2', '{"a" 1}', '\n\n  nul', '"\\x"', '[1] extra', '{"ok": [1, 2.5e3, "s"]}']))


main()
