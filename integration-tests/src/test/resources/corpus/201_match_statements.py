# jit-expect-compiled: literal_kind sequence_shape mapping_shape shape_area command tree_sum describe_value pattern_errors main
# match statements inside functions: literal patterns (ints, floats, strings, bytes, None, True,
# False, negative and complex numbers), capture and wildcard, value patterns (dotted names, an
# Enum), sequence patterns with a star in every position, mapping patterns with **rest, class
# patterns with positional (__match_args__, dataclasses, built-in types) and keyword sub-patterns,
# guards (including one that raises), or-patterns, as-patterns, nested patterns, a recursive walk,
# and the TypeErrors for bad class patterns.
import dataclasses
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Limits:
    LOW = 10
    HIGH = 100


@dataclasses.dataclass
class Point:
    x: int
    y: int


@dataclasses.dataclass
class Circle:
    center: Point
    radius: float


@dataclasses.dataclass
class Rect:
    corner: Point
    w: int
    h: int


class Node:
    __match_args__ = ("value", "left", "right")

    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right


class Plain:
    def __init__(self, a):
        self.a = a


not_a_class = "not a class"


def literal_kind(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case 1j:
            return "imaginary unit"
        case -1 + 2j:
            return "complex literal"
        case "":
            return "empty string"
        case "hello" | "hi":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case Limits.LOW:
            return "low limit"
        case Limits.HIGH:
            return "high limit"
        case Color.RED:
            return "red"
        case Color():
            return "other color " + v.name
        case int(n) if n < 0:
            return "negative int %d" % n
        case int() | float() as num:
            return "number %r" % (num,)
        case str(s):
            return "string of %d" % len(s)
        case _:
            return "other " + type(v).__name__


def sequence_shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case [x, y] if x == y:
            return "pair of equal %r" % (x,)
        case [x, y]:
            return "pair %r %r" % (x, y)
        case [first, *middle, last] if len(middle) > 3:
            return "long: %r ... %r (%d inside)" % (first, last, len(middle))
        case [0, *rest]:
            return "starts with 0, rest %r" % (rest,)
        case [*init, 0]:
            return "ends with 0, init %r" % (init,)
        case [_, [a, b], *_]:
            return "nested pair %r %r" % (a, b)
        case (1, 2, 3) | [3, 2, 1]:
            return "one two three either way"
        case [*all_items]:
            return "three-to-five %r" % (all_items,)


def mapping_shape(m):
    match m:
        case {"type": "user", "name": str(name), **rest} if not rest:
            return "user %s" % name
        case {"type": "user", "name": name, **rest}:
            return "user %s with %s" % (name, sorted(rest))
        case {"type": "point", "x": int(x), "y": int(y)}:
            return "point %d,%d" % (x, y)
        case {"items": [*items]} if items:
            return "items %d" % len(items)
        case {Limits.LOW: low}:
            return "keyed by LOW: %r" % (low,)
        case {}:
            return "some mapping with %d keys" % len(m)
        case _:
            return "not a mapping"


def shape_area(shape):
    match shape:
        case Circle(Point(x=0, y=0), radius=r):
            return "circle at origin r=%s" % r
        case Circle(center=Point(x, y), radius=r) if r > 0:
            return "circle at %d,%d r=%s" % (x, y, r)
        case Circle():
            return "degenerate circle"
        case Rect(Point(x, y), w, h) if w == h:
            return "square at %d,%d side %d" % (x, y, w)
        case Rect(corner=c, w=w, h=h):
            return "rect %dx%d at %r" % (w, h, (c.x, c.y))
        case Point(x=0) | Point(y=0) as p:
            return "point on an axis %d,%d" % (p.x, p.y)
        case Point(x, y):
            return "point %d,%d" % (x, y)
        case _:
            return "unknown"


def command(line):
    match line.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["go", other]:
            return "cannot go " + other
        case ["take", *objects] if objects:
            return "taking " + ", ".join(objects)
        case ["say", *words] as full:
            return "saying %d words of %d tokens" % (len(words), len(full))
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return "unknown verb " + verb
        case []:
            return "nothing"


def tree_sum(node):
    match node:
        case None:
            return 0
        case Node(int(v), left, right):
            return v + tree_sum(left) + tree_sum(right)
        case Node(value=str(s), left=l, right=r):
            return len(s) + tree_sum(l) + tree_sum(r)
        case Node(value=v):
            raise TypeError("bad node value %r" % (v,))


def describe_value(v):
    match v:
        case bool(b):
            return "bool %s" % b
        case int(i) | float(i) if i > 1000:
            return "big %s" % i
        case (int() | float()) as n:
            return "num %s" % n
        case [int(), *_] | (int(), *_) as s:
            return "int sequence of %d" % len(s)
        case {"k": [{"inner": (x, _)}]}:
            return "deep %r" % (x,)
        case "abc" | "def" as s:
            return "letters " + s
        case str() as s if s.isdigit():
            return "digit string " + s
        case bytes(b) | bytearray(b):
            return "binary of %d" % len(b)
        case _:
            return "fallback " + type(v).__name__


def check_guard(x):
    if x == 3:
        raise ValueError("guard exploded on %d" % x)
    return x % 2 == 0


def pattern_errors():
    out = []
    try:
        match Point(1, 2):
            case Point(a, b, c):
                out.append("matched three")
    except TypeError as e:
        out.append("TypeError: %s" % e)
    try:
        match Plain(5):
            case Plain(a):
                out.append("matched plain")
    except TypeError as e:
        out.append("TypeError: %s" % e)
    try:
        match 5:
            case not_a_class():
                out.append("matched non-class")
    except TypeError as e:
        out.append("TypeError: %s" % e)
    try:
        match Plain(5):
            case Plain(a=1, b=2):
                out.append("wrong")
            case Plain(a=x, b=y):
                out.append("has b?")
            case Plain(a=x):
                out.append("plain a=%d" % x)
    except AttributeError as e:
        out.append("AttributeError: %s" % e)
    for x in range(5):
        try:
            match x:
                case n if check_guard(n):
                    out.append("even %d" % n)
                case n:
                    out.append("odd %d" % n)
        except ValueError as e:
            out.append("ValueError: %s" % e)
    return out


def main():
    values = [0, 2, -1, 2.5, 1j, -1 + 2j, "", "hi", b"raw", None, True, False, 10, 100,
              Color.RED, Color.GREEN, -7, 42, 3.75, "word", [1], (2,)]
    print([literal_kind(v) for v in values])
    seqs = [[], [9], [4, 4], [4, 5], list(range(7)), [0, 8, 9], (7, 8, 0), [1, [2, 3], 4],
            (1, 2, 3), [3, 2, 1], [5, 6, 7], "xyz", range(3), iter([1])]
    for s in seqs:
        print(sequence_shape(s))
    maps = [{"type": "user", "name": "ann"}, {"type": "user", "name": "bob", "age": 3, "id": 1},
            {"type": "point", "x": 1, "y": 2}, {"type": "point", "x": 1, "y": "2"},
            {"items": [1, 2, 3]}, {"items": []}, {10: "ten"}, {}, [("type", "user")], "str"]
    for m in maps:
        print(mapping_shape(m))
    shapes = [Circle(Point(0, 0), 1.5), Circle(Point(2, 3), 2), Circle(Point(2, 3), 0),
              Rect(Point(1, 1), 4, 4), Rect(Point(0, 5), 2, 3), Point(0, 7), Point(3, 0),
              Point(3, 4), "shape"]
    for s in shapes:
        print(shape_area(s))
    for line in ["go north", "go up", "take lamp key", "take", "say a b c", "exit", "dance now", ""]:
        print(command(line))
    tree = Node(1, Node("abc", Node(2)), Node(3, None, Node("z")))
    print(tree_sum(tree))
    try:
        tree_sum(Node(1, Node([1])))
    except TypeError as e:
        print("TypeError:", e)
    for v in [True, 5000, 2.5e4, 7, [1, 2], (3,), {"k": [{"inner": ("x", "y")}]}, "def", "123",
              b"ab", bytearray(3), "zz", {1, 2}]:
        print(describe_value(v))
    for line in pattern_errors():
        print(line)


main()
