# jit-expect-compiled: fnv_hash caesar code_point character shadowed
# jit-expect-intrinsics
# jit-threshold: 20
# jit-loop-threshold: 20
# ord(c) of a one-character str and chr(i) of an int that is a code point are computed in place;
# every other argument makes the call, which raises or answers as the builtin does: a longer or
# empty str, bytes, a str subclass, a bool, a negative or too large int, a huge int, a float; and
# a module that binds its own ord calls that. No other builtin the JIT computes is called (len,
# list.append), so the intrinsics the header expects are these.


def fnv_hash(text):
    h = 2166136261
    for ch in text:
        h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return h


def caesar(text, shift):
    out = ""
    for ch in text:
        if "a" <= ch <= "z":
            out += chr((ord(ch) - 97 + shift) % 26 + 97)
        else:
            out += ch
    return out


def code_point(value):
    try:
        return ord(value)
    except TypeError as error:
        return f"TypeError: {error}"


def character(value):
    try:
        return chr(value)
    except (TypeError, ValueError, OverflowError) as error:
        return f"{type(error).__name__}: {error}"


class Letter(str):
    pass


def shadowed(text):
    return [ord(ch) for ch in text]


for _ in range(25):
    shadowed("warm")


for turn in range(25):
    results = [
        (fnv_hash("hello, wörld ∑ 𝔞"), caesar("the quick brown fox, ÿ!", 3)),
        [code_point(v) for v in ["a", "é", "€", "𝔞", "ab", "", b"z", bytearray(b"q"), Letter("k"), 7]],
        [character(v) for v in [0, 65, 255, 256, 0x10FFFF, 0x110000, -1, True, 2**70, 3.0]],
    ]
    a, b = "ab"
    results.append((chr(ord("€") + 1) is chr(8365), chr(ord(b) - 1) is a, ord(a) is ord(a), ord("€") is ord("€")))
    if turn in (0, 24):
        print(*results, sep="\n")

ord = len  # noqa: A001 - a module's own ord from here on
print(shadowed("abc"), shadowed(["xy"]))
