# jit-expect-compiled: weight Color command literal sequence
# match statements with literal patterns (ints, strings, None, True), capture and wildcard
# patterns, or-patterns, guards, sequence patterns with star captures, and value patterns (dotted names).
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def weight(x):
    return x * 2


def literal(v):
    match v:
        case 0 | 1:
            return "bit"
        case "yes" | "y":
            return "affirmative"
        case None:
            return "none"
        case True:
            return "true"
        case Color.RED:
            return "red"
        case int(n) if n < 0:
            return f"negative {n}"
        case float() | int():
            return "number %s" % (weight(v),)
        case _:
            return "other " + type(v).__name__


def sequence(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y] if x == y:
            return "pair of equal"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long {first}..{last} ({len(middle)} inside)"
        case [first, *rest]:
            return f"first {first} rest {rest}"
        case _:
            return "not a sequence"


def command(text):
    match text.split():
        case ["go", ("north" | "south") as direction]:
            return "going " + direction
        case ["go", other]:
            return "cannot go " + other
        case ["take", *items] if items:
            return "taking " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "unknown: " + text


for v in (0, 1, "y", None, True, False, Color.RED, Color.GREEN, -4, 2.5, 7, "s", [1]):
    print(repr(v), "->", literal(v))
for v in ([], [1], (2, 2), [3, 4], list(range(6)), (1, 2, 3), "ab", {1: 2}, range(2)):
    print(repr(v), "->", sequence(v))
for t in ("go north", "go west", "take lamp key", "take", "exit", "dance now"):
    print(t, "->", command(t))
