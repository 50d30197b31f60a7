# jit-expect-compiled: classify count_members member_of found_in
# `c in s` with a one-character str and a str compares the characters where they lie, whatever the
# width of either string (ASCII, Latin-1, two-byte and four-byte characters, a wide character
# sought in a narrow string); anything else is tested as before: a longer or empty needle, a str
# subclass with its own __contains__, a non-str needle (TypeError), other containers.

DIGITS = "0123456789"
LATIN = "àéîõü"
WIDE = "αβγδ€"
ASTRAL = "𝔞𝔟𝔠"


def classify(text):
    kinds = []
    for c in text:
        if c in DIGITS:
            kinds.append("d")
        elif c in LATIN:
            kinds.append("l")
        elif c in WIDE:
            kinds.append("w")
        elif c in ASTRAL:
            kinds.append("a")
        elif c not in " \t":
            kinds.append("o")
        else:
            kinds.append("_")
    return "".join(kinds)


def count_members(needles, haystack):
    return sum(1 for n in needles if n in haystack)


def member_of(needle, haystack):
    try:
        return needle in haystack
    except TypeError as error:
        return f"TypeError: {error}"


class Vowels(str):
    def __contains__(self, item):
        return item in "aeiou" or super().__contains__(item)


def found_in(items, container):
    return [item in container for item in items]


for _ in range(3):
    print(classify("a1 é\tβ𝔟€9ÿ\u0100x"))
    print(count_members(["a", "é", "β", "𝔟", "\u0100", "ÿ", "z"], "aéβ𝔟"))
    print(count_members(["a", "é", "β", "𝔟", "\u0100", "ÿ", "z"], "aÿé"))
    print(count_members(["é", "€", "𝔠"], ""))
    print(member_of("ab", "cabd"), member_of("", "abc"), member_of("", ""), member_of("ba", "abc"))
    print(member_of("x", Vowels("xyz")), member_of("a", Vowels("xyz")), member_of("q", Vowels("xyz")))
    print(member_of(1, "abc"), member_of(None, ""))
    print(found_in(["a", "b", 3], ["a", 3]), found_in(["k"], {"k": 1}), found_in(["e"], ("e",)))
