# jit-expect-compiled: __init__ count_unique __hash__ __eq__ __lt__ __repr__
# __eq__ and __hash__ on user classes: instances as dict keys and set members, __eq__ returning
# NotImplemented (reflected operand tried), __eq__ without __hash__ (unhashable), __repr__ in
# containers, and functools.total_ordering.
import functools


@functools.total_ordering
class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return self.rank == other.rank and self.suit == other.suit

    def __hash__(self):
        return hash((self.rank, self.suit))

    def __lt__(self, other):
        return (self.rank, self.suit) < (other.rank, other.suit)

    def __repr__(self):
        return "Card(%r, %r)" % (self.rank, self.suit)


class NoHash:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == getattr(other, "v", None)


class Wild:
    def __eq__(self, other):
        return True


def count_unique(cards):
    seen = {}
    for c in cards:
        seen[c] = seen.get(c, 0) + 1
    return seen


cards = []
for i in range(12):
    cards.append(Card(i % 4, "shdc"[i % 3]))
counts = count_unique(cards)
print(len(counts), sorted(counts.items())[:3])
print(Card(1, "h") == Card(1, "h"), Card(1, "h") != Card(2, "h"), Card(1, "h") == (1, "h"))
print(Card(1, "h") == Wild(), (1, "h") == Wild())
print(sorted(cards)[:4], max(cards), Card(2, "s") >= Card(2, "c"))
print(len({Card(1, "h"), Card(1, "h"), Card(1, "s")}))
try:
    {NoHash(1)}
except TypeError as e:
    print("TypeError:", e)
print(NoHash(1) == NoHash(1), NoHash.__hash__, [Card(0, "x")], {"k": Card(3, "y")})
