"""Generator pipelines: lazy stages chained together, `yield from`, send(), itertools.

In the spirit of pyperformance's generators benchmark (a tree walked by recursive
generators), extended with a log-processing style pipeline: parse -> filter -> enrich ->
window -> aggregate, a coroutine accumulator driven by send(), and a sieve of generators.
"""
import itertools

RECORDS = 200_000
TREE_DEPTH = 16
PRIMES = 400


def lcg(seed):
    state = seed
    while True:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        yield state


def log_lines(n, seed=1):
    levels = ("DEBUG", "INFO", "INFO", "INFO", "WARN", "ERROR")
    services = ("auth", "db", "web", "cache", "queue")
    rand = lcg(seed)
    for i in range(n):
        r = next(rand)
        yield f"{i:06d} {levels[r % 6]} {services[(r >> 8) % 5]} latency={(r >> 12) % 500}ms bytes={(r >> 4) % 9000}"


def parse(lines):
    for line in lines:
        seq, level, service, *fields = line.split()
        record = {"seq": int(seq), "level": level, "service": service}
        for field in fields:
            key, _, value = field.partition("=")
            record[key] = int(value.rstrip("ms"))
        yield record


def only(records, *levels):
    return (r for r in records if r["level"] in levels)


def enrich(records):
    for r in records:
        r["slow"] = r["latency"] > 300
        r["kb"] = r["bytes"] / 1024
        yield r


def windows(items, size):
    window = []
    for item in items:
        window.append(item)
        if len(window) == size:
            yield window
            window = []
    if window:
        yield window


def averager():
    """A coroutine: send numbers in, receive the running mean."""
    total = 0.0
    count = 0
    mean = None
    while True:
        value = yield mean
        total += value
        count += 1
        mean = total / count


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build_tree(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build_tree(lo, mid), mid, build_tree(mid + 1, hi))


def integers(start):
    n = start
    while True:
        yield n
        n += 1


def sieve():
    numbers = integers(2)
    while True:
        p = next(numbers)
        yield p
        # a fresh function scope per stage: a bare generator expression here would see later p's
        numbers = _drop_multiples(numbers, p) if p < 100 else _filter(numbers, p)


def _drop_multiples(numbers, p):
    return (n for n in numbers if n % p)


def _filter(numbers, p):
    for n in numbers:
        if n % p:
            yield n


def main():
    stats = {}
    mean = averager()
    next(mean)
    last_mean = None
    pipeline = enrich(only(parse(log_lines(RECORDS)), "WARN", "ERROR", "INFO"))
    batches = 0
    for batch in windows(pipeline, 64):
        batches += 1
        for r in batch:
            s = stats.setdefault(r["service"], {"count": 0, "slow": 0, "kb": 0.0})
            s["count"] += 1
            s["slow"] += r["slow"]
            s["kb"] += r["kb"]
        last_mean = mean.send(sum(r["latency"] for r in batch) / len(batch))
    for service, s in sorted(stats.items()):
        print(f"{service:6s} {s['count']:6d} records, {s['slow']:5d} slow, {s['kb']:10.1f} kB")

    n = 2 ** TREE_DEPTH - 1
    tree = build_tree(0, n)
    walked = sum(1 for _ in tree)
    in_order = all(a < b for a, b in itertools.pairwise(tree))
    evens = sum(itertools.islice((v for v in tree if v % 2 == 0), 1000))

    primes = list(itertools.islice(sieve(), PRIMES))
    print(f"{batches} batches, mean latency {last_mean:.3f} ms")
    print(f"tree: {walked} values, ordered {in_order}; primes up to {primes[-1]}")
    print(f"checksum {batches} {last_mean:.6f} {walked} {evens} {sum(primes)}")


if __name__ == "__main__":
    main()
