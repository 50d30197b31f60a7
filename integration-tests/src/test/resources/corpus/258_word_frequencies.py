# jit-expect-compiled: words_of frequencies bigrams letters_by_position anagram_groups compare_counters main
# Word statistics over a fixed text: a regex-free word splitter (a generator), Counter
# most_common with ties broken by first appearance (insertion order, no hashing involved) and
# by an explicit sort, Counter arithmetic (+, -, &, |, subtract, total), defaultdict(list) and
# defaultdict(Counter) groupings, bigram counts, anagram classes, and every set of strings
# sorted before printing.
from collections import Counter, defaultdict

TEXT = """The quick brown fox jumps over the lazy dog. The dog sleeps; the fox does not!
A quick brown dog? No -- the quick fox. Listen, silent night: enlist the tinsel inlets."""


def words_of(text):
    word = []
    for ch in text + " ":
        if ch.isalpha() or (ch == "'" and word):
            word.append(ch.lower())
        elif word:
            yield "".join(word)
            word = []


def frequencies(words):
    counts = Counter(words)
    top = counts.most_common(5)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    singles = sorted(w for w, c in counts.items() if c == 1)
    return top, ranked, len(singles), singles[:6], counts.total()


def bigrams(words):
    pairs = Counter(zip(words, words[1:]))
    return sorted(((a + " " + b, c) for (a, b), c in pairs.items() if c > 1), key=lambda x: (-x[1], x[0]))


def letters_by_position(words):
    table = defaultdict(Counter)
    for w in words:
        for i, ch in enumerate(w[:3]):
            table[i][ch] += 1
    return {i: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:3] for i, c in sorted(table.items())}


def anagram_groups(words):
    groups = defaultdict(set)
    for w in words:
        groups["".join(sorted(w))].add(w)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def compare_counters(first, second):
    a, b = Counter(first), Counter(second)
    c = a.copy()
    c.subtract(b)
    return {
        "sum": sorted((a + b).items()),
        "diff": sorted((a - b).items()),
        "and": sorted((a & b).items()),
        "or": sorted((a | b).items()),
        "subtract": sorted(c.items()),
        "unary": sorted((+c).items()),
    }


def main():
    words = list(words_of(TEXT))
    print(len(words), words[:8])
    for item in frequencies(words):
        print(item)
    print(bigrams(words))
    print(letters_by_position(words))
    print(anagram_groups(words))
    for key, value in compare_counters("mississippi", "misspelling").items():
        print(key, value)
    lengths = defaultdict(list)
    for w in words:
        lengths[len(w)].append(w)
    print({n: sorted(set(ws)) for n, ws in sorted(lengths.items()) if n >= 6})


main()
