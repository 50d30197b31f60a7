# jit-expect-compiled: route scan_words affixes_of
# jit-expect-intrinsics
# jit-threshold: 20
# jit-loop-threshold: 20
# s.startswith(p) and s.endswith(p) of exact strs, and s.startswith(p, start) and
# s.endswith(p, start) with an int start, are computed in place, as str compares them at every
# width of character (Latin-1, two-byte and astral ones, an affix wider than the str, the empty
# str, an affix longer than the str) and for every start (negative ones counting from the end,
# beyond either end, the empty affix past the end, which no str has). A tuple of affixes, an end
# index, a start of None, a bool or a huge int, a str subclass with its own startswith, a plain str
# subclass on either side, bytes and a non-str affix or non-int start make the call (the last two
# raise their TypeErrors). No other builtin the JIT computes is called in the compiled functions
# (len, list.append), so the intrinsics the header expects are these.


def route(lines):
    routed = ""
    for line in lines:
        if line.startswith("GET "):
            routed += "g"
        elif line.startswith("POST"):
            routed += "p"
        elif line.endswith(";"):
            routed += "s"
        elif line.startswith("#"):
            routed += "c"
        else:
            routed += "?"
    return routed


def scan_words(source, n, words):
    found = ""
    i = 0
    while i < n:
        matched = ""
        for word in words:
            if matched == "" and source.startswith(word, i):
                matched = word
        if matched:
            found += matched + "@" + str(i) + " "
        i += 1
    return found


class Loud(str):
    def startswith(self, prefix, *rest):
        return True

    def endswith(self, suffix, *rest):
        return False


class Plain(str):
    pass


def affixes_of(cases):
    answers = []
    for text, affix, start in cases:
        try:
            answers += [(text.startswith(affix), text.endswith(affix), text.startswith(affix, start), text.endswith(affix, start),
                         text.startswith(affix, start, 4))]
        except TypeError as error:
            answers += [str(error)]
    return answers


LINES = ["GET /index.html", "POST /form", "x = 1;", "# comment", "get lower", "", "GET", "GET  ",
         "POSTé", "é;", "𝔞;", "#𝔞", "Ω GET ", "GET 𝔞"]

SOURCE = "while x <= 10: x += 𝔞 if é != 'Ω' else -1 # <=>"
SOURCE_LENGTH = len(SOURCE)
WORDS = ["<=", "+=", "!=", "<", "=", "Ω", "𝔞", "é", "while", "if", "else"]

CASES = [("abc", "a", 0), ("abc", "c", 1), ("abc", "", 5), ("abc", "", 3), ("", "", 0), ("", "a", -1), ("abc", "abcd", 0),
         ("abc", "bc", 1), ("abc", "bc", -2), ("abc", "a", -10), ("abc", "c", -1), ("abc", "c", 3), ("éclair", "é", 0),
         ("éclair", "cl", 1), ("Ωmega", "ega", -3), ("𝔞bc𝔞", "𝔞", 3), ("ab", "𝔞", 0), ("aΩ", "Ω", 1),
         ("a" * 40 + "é", "a" * 40, 0), ("a" * 40 + "é", "aé", 39), ("abc", ("x", "a"), 0), (Loud("abc"), "z", 1),
         (Plain("abc"), "a", 0), ("abc", Plain("c"), 0), (b"abc", b"a", 0), ("abc", 5, 0), ("abc", None, 0),
         ("abc", "b", None), ("abc", "b", True), ("abc", "a", 2 ** 70), ("abc", "a", -2 ** 70), ("abc", "b", 1.0)]

for turn in range(25):
    routed = route(LINES)
    found = scan_words(SOURCE, SOURCE_LENGTH, WORDS)
    answers = affixes_of(CASES)
    if turn in (0, 24):
        print(routed)
        print(found)
        print(answers)
