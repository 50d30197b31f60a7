"""Sudoku solver: constraint propagation plus depth-first search.

Modelled on Peter Norvig's "Solving Every Sudoku Puzzle" essay: candidates are kept as strings
of digits per square, assigning a digit eliminates it from the peers, and a unit with one
place left for a digit forces it. Puzzles are a few hard classics plus puzzles carved out of
a solved grid with a seeded random generator.
"""
import random

GENERATED = 24
ROUNDS = 8

DIGITS = "123456789"
ROWS = "ABCDEFGHI"
COLS = DIGITS


def cross(a, b):
    return [x + y for x in a for y in b]


SQUARES = cross(ROWS, COLS)
UNITS_LIST = ([cross(ROWS, c) for c in COLS] +
              [cross(r, COLS) for r in ROWS] +
              [cross(rs, cs) for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")])
UNITS = {s: [u for u in UNITS_LIST if s in u] for s in SQUARES}
# sorted, so the order of work does not depend on string hashing
PEERS = {s: sorted(set(sum(UNITS[s], [])) - {s}) for s in SQUARES}


class Contradiction(Exception):
    pass


class Grid:
    def __init__(self, values=None):
        self.values = values if values is not None else {s: DIGITS for s in SQUARES}

    @classmethod
    def parse(cls, text):
        chars = [c for c in text if c in DIGITS or c in "0."]
        if len(chars) != 81:
            raise ValueError(f"a grid has 81 cells, not {len(chars)}")
        grid = cls()
        for s, d in zip(SQUARES, chars):
            if d in DIGITS:
                grid.assign(s, d)
        return grid

    def copy(self):
        return Grid(self.values.copy())

    def assign(self, s, d):
        for other in self.values[s].replace(d, ""):
            self.eliminate(s, other)

    def eliminate(self, s, d):
        values = self.values
        if d not in values[s]:
            return
        remaining = values[s].replace(d, "")
        values[s] = remaining
        if not remaining:
            raise Contradiction(f"no candidate left for {s}")
        if len(remaining) == 1:
            last = remaining
            for peer in PEERS[s]:
                self.eliminate(peer, last)
        for unit in UNITS[s]:
            places = [sq for sq in unit if d in values[sq]]
            if not places:
                raise Contradiction(f"no place left for {d}")
            if len(places) == 1:
                self.assign(places[0], d)

    def is_solved(self):
        return all(len(v) == 1 for v in self.values.values())

    def search(self, stats):
        if self.is_solved():
            return self
        stats["nodes"] += 1
        n, s = min((len(self.values[sq]), sq) for sq in SQUARES if len(self.values[sq]) > 1)
        for d in self.values[s]:
            attempt = self.copy()
            try:
                attempt.assign(s, d)
            except Contradiction:
                stats["dead ends"] += 1
                continue
            result = attempt.search(stats)
            if result is not None:
                return result
        return None

    def is_valid_solution(self):
        return self.is_solved() and all(sorted(self.values[s] for s in unit) == list(DIGITS) for unit in UNITS_LIST)

    def __str__(self):
        lines = []
        for r in ROWS:
            lines.append(" ".join(self.values[r + c] if len(self.values[r + c]) == 1 else "." for c in COLS))
        return "\n".join(lines)

    def as_string(self):
        return "".join(self.values[s] if len(self.values[s]) == 1 else "." for s in SQUARES)


CLASSICS = [
    "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
    "52...6.........7.13...........4..8..6......5...........418.........3..2...87.....",
    "6.....8.3.4.7.................5.4.7.3..2.....1.6.......2.....5.....8.6......1....",
    "48.3............71.2.......7.5....6....2..8.............1.76...3.....4......5....",
    "85...24..72......9..4.........1.7..23.5...9...4...........8..7..17..........36.4.",
    "..53.....8......2..7..1.5..4....53...1..7...6..32...8..6.5....9..4....3......97..",
]


def generate(rng, base, clues):
    """Shuffle a solved grid by symmetry-preserving permutations, then keep `clues` cells."""
    digits = list(DIGITS)
    rng.shuffle(digits)
    relabel = dict(zip(DIGITS, digits))
    bands = [0, 1, 2]
    rng.shuffle(bands)
    rows = [b * 3 + r for b in bands for r in rng.sample(range(3), 3)]
    stacks = [0, 1, 2]
    rng.shuffle(stacks)
    cols = [b * 3 + c for b in stacks for c in rng.sample(range(3), 3)]
    cells = [relabel[base[r * 9 + c]] for r in rows for c in cols]
    keep = set(rng.sample(range(81), clues))
    return "".join(ch if i in keep else "." for i, ch in enumerate(cells))


def solve(puzzle, stats):
    try:
        grid = Grid.parse(puzzle)
    except Contradiction:
        return None
    return grid.search(stats)


def main():
    rng = random.Random(1234)
    first = solve(CLASSICS[0], {"nodes": 0, "dead ends": 0})
    base = first.as_string()
    puzzles = CLASSICS + [generate(rng, base, rng.randint(22, 28)) for _ in range(GENERATED)]
    stats = {"nodes": 0, "dead ends": 0}
    checksum = 0
    solved = 0
    for _ in range(ROUNDS):
        for puzzle in puzzles:
            result = solve(puzzle, stats)
            if result is None:
                continue
            if not result.is_valid_solution():
                raise AssertionError(f"bad solution for {puzzle}")
            solved += 1
            checksum = (checksum * 131 + int(result.as_string()[:18])) % 1_000_000_007
    print(first)
    print(f"solved {solved} of {ROUNDS * len(puzzles)}; {stats['nodes']} search nodes, {stats['dead ends']} dead ends")
    print(f"checksum {checksum}")


if __name__ == "__main__":
    main()
