# jit-expect-compiled: scan classes_of
# jit-expect-intrinsics
# jit-threshold: 20
# jit-loop-threshold: 20
# c.isspace(), c.isdigit(), c.isalpha() and c.isalnum() of a one-character str are computed in
# place, with the Unicode database's answer for every width of character (Latin-1 and other
# letters, non-ASCII digits and spaces, a digit that is no decimal, an astral letter); a longer or
# empty str, a str subclass with its own isdigit, and bytes make the call. No other builtin the
# JIT computes is called in the compiled functions (len, list.append), so the intrinsics the
# header expects are these.


def scan(source, n):
    tokens = []
    i = 0
    while i < n:
        ch = source[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            start = i
            while i < n and source[i].isdigit():
                i += 1
            tokens += [("num", source[start:i])]
        elif ch.isalpha() or ch == "_":
            start = i
            while i < n and (source[i].isalnum() or source[i] == "_"):
                i += 1
            tokens += [("name", source[start:i])]
        else:
            tokens += [("op", ch)]
            i += 1
    return tokens


class Odd(str):
    def isdigit(self):
        return self in "13579"


def classes_of(values):
    return [(v.isspace(), v.isdigit(), v.isalpha(), v.isalnum()) for v in values]


SAMPLES = ["a", "Z", "7", " ", "\t", "\n", "_", "é", "ß", "Ω", "٣", "²", "\u00a0", "\u2003", "𝔞", "€", "",
           "ab", "12", "  ", Odd("3"), Odd("4"), b"x", b"5"]

SOURCE = "let x1 = 42 + é_ß\t* 7٣ ²/ ω2;\n𝔞 €"
SOURCE_LENGTH = len(SOURCE)

for turn in range(25):
    tokens = scan(SOURCE, SOURCE_LENGTH)
    table = classes_of(SAMPLES)
    if turn in (0, 24):
        print(tokens)
        print(table)
