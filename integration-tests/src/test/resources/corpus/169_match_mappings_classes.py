# jit-expect-compiled: __init__ area Circle NoArgs Point mapping shape too_many
# match with mapping patterns (extra keys allowed, **rest), class patterns with positional
# sub-patterns via __match_args__ and keyword sub-patterns, builtin class patterns, nested
# patterns, and the TypeError for too many positional sub-patterns.
from dataclasses import dataclass


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


@dataclass
class Circle:
    center: Point
    r: float


def area(shape):
    return 3 * shape.r * shape.r


def mapping(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest} if rest:
            return f"key {k} with {sorted(rest)}"
        case {"type": "key", "key": k}:
            return f"key {k!r}"
        case {"type": t}:
            return "unhandled " + t
        case {}:
            return "no type"
        case _:
            return "not a mapping"


def shape(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x, 0) | Point(0, x):
            return f"on an axis at {x}"
        case Point(x=x, y=y) if x == y:
            return "diagonal"
        case Point():
            return "point"
        case Circle(Point(0, 0), r=r):
            return f"centered circle r={r} area={area(s)}"
        case Circle(center=Point(x, y), r=r) if r > 10:
            return "big circle"
        case Circle(c, r):
            return f"circle at ({c.x}, {c.y})"
        case str() | bytes():
            return "text"
        case int(v) | float(v):
            return f"number {v}"
        case _:
            return "unknown"


events = [{"type": "click", "pos": (1, 2)}, {"type": "key", "key": "a", "shift": True, "ctrl": False},
          {"type": "key", "key": "b"}, {"type": "key", "key": 5}, {"type": "scroll"}, {"x": 1}, [1, 2]]
for e in events:
    print(mapping(e))
for s in (Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5), Circle(Point(0, 0), 2),
          Circle(Point(1, 1), 11), Circle(Point(1, 1), 1), "s", b"b", 7, 2.5, None):
    print(shape(s))


class NoArgs:
    pass


def too_many(v):
    match v:
        case NoArgs(a):
            return a


try:
    too_many(NoArgs())
except TypeError as e:
    print("TypeError:", e)
