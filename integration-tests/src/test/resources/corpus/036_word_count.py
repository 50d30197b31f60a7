# jit-expect-compiled: count_words top_n lambda_key char_hist
TEXT = """the cat sat on the mat the dog sat on the log
a cat and a dog met on a mat and the cat ran"""


def count_words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def top_n(counts, n):
    items = list(counts.items())
    items.sort(key=str)
    ordered = sorted(items, key=lambda_key, reverse=True)
    return ordered[:n]


def lambda_key(item):
    return item[1]


def char_hist(text):
    h = {}
    for ch in text:
        if ch == " " or ch == "\n":
            continue
        if ch in h:
            h[ch] += 1
        else:
            h[ch] = 1
    return h


c = count_words(TEXT)
print(len(c), c)
print(top_n(c, 5))
h = char_hist(TEXT)
print(sorted(h.items()))
