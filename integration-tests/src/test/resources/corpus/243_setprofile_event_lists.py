# jit-expect-compiled: normalise tokens count_words digit_of parse_all __init__ total late_start main
# sys.setprofile around compiled functions (each also run unprofiled first): the (event, name)
# list including c_call / c_return / c_exception for builtins and methods of builtin types,
# Python-level calls into a generator on each resume, a method and a property, and an exception
# raised by a builtin caught in a compiled handler. Also switching the profiler on from inside a
# running function only reports what happens after that point (and its return).
import sys

events = []


def profiler(frame, event, arg):
    if event.startswith("c_"):
        name = getattr(arg, "__qualname__", getattr(arg, "__name__", "?"))
    else:
        name = frame.f_code.co_name
    if name in ("profiler", "setprofile", "section", "main"):
        return
    events.append("%s:%s" % (event, name))


def normalise(word):
    return word.strip(".,").lower()


def tokens(text):
    for raw in text.split():
        yield normalise(raw)


def count_words(text):
    counts = {}
    for w in tokens(text):
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items())


def digit_of(s):
    try:
        return "0123456789".index(s)
    except ValueError:
        return -1


def parse_all(items):
    return [digit_of(s) for s in items]


class Box:
    def __init__(self, items):
        self.items = items

    @property
    def total(self):
        return sum(self.items)


def late_start(n):
    x = abs(-n)
    sys.setprofile(profiler)
    y = max(x, 3)
    return x + y


def section(title, fn, *args):
    events.clear()
    sys.setprofile(profiler)
    try:
        result = fn(*args)
    finally:
        sys.setprofile(None)
    print("==", title, "->", result)
    print("  ", " ".join(events))


def main():
    print(count_words("A b. a"), parse_all(["1", "x"]), Box([1, 2]).total)
    section("count_words", count_words, "Cat cat. dog")
    section("parse_all", parse_all, ["7", "seven"])
    section("Box.total", lambda: Box([4, 5]).total)
    events.clear()
    result = late_start(2)
    sys.setprofile(None)
    print("== late_start ->", result)
    print("  ", " ".join(events))


main()
