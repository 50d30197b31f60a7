# jit-expect-compiled: queens distinct_pair_sums grid_walk multisets checksum_of flipped
# jit-threshold: 5
# jit-loop-threshold: 5
# jit-expect-no-deopts: queens distinct_pair_sums grid_walk multisets checksum_of flipped
# Loops over the itertools that take their items from tuples made as they start (permutations,
# combinations, combinations_with_replacement, product) and over bytes and bytearrays: the
# interpreter leaves their FOR_ITER unspecialised, and compiled code speculates that the next item
# runs no Python code. These iterators' items never do, so the speculation must hold at every call,
# whatever the iterables they were made from ran while they were made.
from itertools import combinations, combinations_with_replacement, permutations, product


class Noisy:
    """An iterable whose __iter__ is Python code: it runs once, as permutations() copies it."""

    def __init__(self, n):
        self.n = n
        self.made = 0

    def __iter__(self):
        self.made += 1
        yield from range(self.n)


def queens(n, source):
    for vec in permutations(source):
        if n == len({vec[i] + i for i in range(n)}) == len({vec[i] - i for i in range(n)}):
            yield vec


def distinct_pair_sums(items, r):
    seen = set()
    total = 0
    for combo in combinations(items, r):
        s = sum(combo)
        if s in seen:
            continue
        seen.add(s)
        total += s * len(combo)
    return total, len(seen)


def grid_walk(width, height, stop_at):
    steps = 0
    last = None
    for x, y in product(range(width), range(height)):
        if (x, y) == stop_at:
            break
        steps += x * y - x + y
        last = (x, y)
    return steps, last


def multisets(letters, r):
    words = []
    for combo in combinations_with_replacement(letters, r):
        words.append("".join(combo))
    return len(words), words[:3], words[-1]


def checksum_of(data):
    h = 0
    for byte in data:
        h = (h * 31 + byte) & 0xFFFF
    return h


def flipped(buffer):
    count = 0
    for byte in buffer:
        if count < len(buffer):
            buffer[count] = 255 - byte
        count += 1
        if count == 3:
            buffer.append(count)  # the iterator reads the length as it goes
        if count > 40:
            raise ValueError(f"too many bytes: {count}")
    return count, bytes(buffer[:6])


def main():
    noisy = Noisy(6)
    for n in (4, 5, 6, 6, 5, 4, 6):
        found = list(queens(n, noisy if n == 6 else range(n)))
        print(n, len(found), found[:2])
    print("noisy made", noisy.made)
    for r in (1, 2, 3, 2, 3, 4):
        print("pairs", r, distinct_pair_sums([3, 1, 4, 1, 5, 9, 2, 6], r))
    for w, h in ((3, 4), (5, 2), (4, 4), (2, 7), (6, 6), (3, 3)):
        print("walk", w, h, grid_walk(w, h, (w - 1, h - 2)))
    for r in range(1, 7):
        print("multisets", r, multisets("abcd", r))
    for k in range(7):
        data = bytes((k * 37 + i * 11) % 256 for i in range(50 + k))
        print("checksum", k, checksum_of(data), checksum_of(bytearray(data)))
    for k in range(6):
        print("flipped", k, flipped(bytearray(range(k, k + 10))))
    try:
        flipped(bytearray(range(45)))
    except ValueError as error:
        print("error", error)


main()
