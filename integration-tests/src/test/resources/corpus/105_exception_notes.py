# jit-expect-compiled: convert convert_all outer bad_note
# BaseException.add_note in handlers inside loops: notes accumulate on the same object, are
# kept through re-raises, and show in traceback.format_exception.
import traceback


def convert(s):
    return float(s)


def convert_all(rows):
    out = []
    for lineno, row in enumerate(rows, 1):
        try:
            out.append(convert(row))
        except ValueError as e:
            e.add_note(f"while reading line {lineno}")
            if lineno > 2:
                e.add_note("giving up")
                raise
            out.append(None)
    return out


def outer(rows):
    try:
        return convert_all(rows)
    except ValueError as e:
        e.add_note("in outer()")
        return e


print(convert_all(["1.5", "x", "2"]))
err = outer(["1", "2", "nope", "4"])
print(type(err).__name__, err)
print(err.__notes__)
print(traceback.format_exception_only(err))


def bad_note():
    e = KeyError("k")
    try:
        e.add_note(42)
    except TypeError as t:
        print("TypeError:", t)
    e.__notes__ = "not a list"
    print(traceback.format_exception_only(e))
    e.__notes__ = ["a", 7]
    print(traceback.format_exception_only(e))


bad_note()
