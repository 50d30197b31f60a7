"""Word frequencies over generated text: splitting, normalising, counting, ranking.

The text is generated from a fixed syllable inventory with a seeded random generator (words
follow a Zipf-like distribution), so every run sees the same corpus.
"""
import random
from collections import Counter, defaultdict

SENTENCES = 18_000
SEED = 42

SYLLABLES = ["ka", "lo", "mi", "ten", "ru", "sa", "vel", "or", "an", "ti", "po", "qua",
             "ne", "dor", "is", "ul", "ba", "ce", "fi", "gro"]
STOP_WORDS = {"the", "a", "of", "and", "to", "in", "is", "it"}


def make_vocabulary(rng, size):
    words = set()
    vocabulary = []
    while len(vocabulary) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
        if word not in words:
            words.add(word)
            vocabulary.append(word)
    return vocabulary + sorted(STOP_WORDS)


def make_text(rng, vocabulary, sentences):
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    out = []
    for _ in range(sentences):
        words = rng.choices(vocabulary, weights, k=rng.randint(4, 14))
        words[0] = words[0].capitalize()
        if rng.random() < 0.3:
            words.insert(rng.randrange(1, len(words)), "and")
        punctuation = rng.choice(".!?;")
        sentence = " ".join(words)
        if rng.random() < 0.2:
            sentence = f'"{sentence},"'
        out.append(sentence + punctuation)
    return " ".join(out)


def tokenize(text):
    for raw in text.split():
        word = raw.strip('.,;:!?"\'').lower()
        if word:
            yield word


def count_words(text):
    counts = {}
    for word in tokenize(text):
        counts[word] = counts.get(word, 0) + 1
    return counts


def bigrams(words):
    pairs = defaultdict(int)
    previous = None
    for word in words:
        if previous is not None:
            pairs[(previous, word)] += 1
        previous = word
    return pairs


def by_initial(counts):
    groups = defaultdict(list)
    for word, n in counts.items():
        groups[word[0]].append((n, word))
    return {letter: max(entries) for letter, entries in sorted(groups.items())}


def stable_hash(text):
    h = 2166136261
    for ch in text:
        h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return h


def main():
    rng = random.Random(SEED)
    vocabulary = make_vocabulary(rng, 600)
    text = make_text(rng, vocabulary, SENTENCES)
    counts = count_words(text)
    counter = Counter(tokenize(text))
    if counter != Counter(counts):
        raise AssertionError("the two counts disagree")
    content = {w: n for w, n in counts.items() if w not in STOP_WORDS}
    top = sorted(content.items(), key=lambda item: (-item[1], item[0]))[:10]
    pairs = bigrams(tokenize(text))
    top_pairs = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:5]
    initials = by_initial(content)
    lengths = Counter(len(w) for w in tokenize(text))
    print(f"{len(text)} characters, {sum(counts.values())} words, {len(counts)} distinct")
    print("top words:", ", ".join(f"{w}={n}" for w, n in top))
    print("top pairs:", ", ".join(f"{a} {b}={n}" for (a, b), n in top_pairs))
    print("longest:", max(lengths), "letters;", "initials:", "".join(initials))
    summary = ";".join(f"{w}:{n}" for w, n in sorted(counts.items()))
    print(f"checksum {stable_hash(summary)} {len(pairs)} {sum(n * n for n in counts.values())}")


if __name__ == "__main__":
    main()
