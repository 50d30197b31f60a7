"""N-queens: count and collect the placements of n non-attacking queens.

Three solvers: pyperformance's nqueens idea (filter permutations of the columns through a set
of diagonals, generator-based) for a small board, a backtracking search with sets of occupied
columns and diagonals, and a counting search on bit masks for the largest board.
"""
from itertools import permutations

BOARD_SIZES = range(4, 12)
PERMUTATION_BOARD = 8
BITMASK_BOARD = 12
KNOWN_COUNTS = {4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352, 10: 724, 11: 2680, 12: 14200, 13: 73712}


def permutation_solutions(n):
    """Every permutation of columns whose diagonals are all distinct (as in pyperformance)."""
    cols = range(n)
    for vec in permutations(cols):
        if n == len({vec[i] + i for i in cols}) == len({vec[i] - i for i in cols}):
            yield vec


class Board:
    def __init__(self, n):
        self.n = n
        self.queens = []
        self.cols = set()
        self.diag_down = set()
        self.diag_up = set()

    def is_free(self, row, col):
        return col not in self.cols and (row - col) not in self.diag_down and (row + col) not in self.diag_up

    def place(self, row, col):
        self.queens.append(col)
        self.cols.add(col)
        self.diag_down.add(row - col)
        self.diag_up.add(row + col)

    def remove(self, row, col):
        self.queens.pop()
        self.cols.remove(col)
        self.diag_down.remove(row - col)
        self.diag_up.remove(row + col)

    def solve(self, row=0, found=None):
        if found is None:
            found = []
        if row == self.n:
            found.append(tuple(self.queens))
            return found
        for col in range(self.n):
            if self.is_free(row, col):
                self.place(row, col)
                self.solve(row + 1, found)
                self.remove(row, col)
        return found


def count_bitmask(n):
    full = (1 << n) - 1

    def place(cols, down, up):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | down | up)
        while free:
            bit = free & -free
            free ^= bit
            total += place(cols | bit, ((down | bit) << 1) & full, (up | bit) >> 1)
        return total
    return place(0, 0, 0)


def render(solution):
    n = len(solution)
    return "\n".join("".join("Q" if c == col else "." for c in range(n)) for col in solution)


def main():
    checksum = 0
    for n in BOARD_SIZES:
        solutions = Board(n).solve()
        checksum = (checksum * 1000003 + len(solutions) + sum(sum(i * c for i, c in enumerate(s)) for s in solutions)) % (1 << 61)
        if n in KNOWN_COUNTS and len(solutions) != KNOWN_COUNTS[n]:
            raise AssertionError(f"{n} queens: {len(solutions)} solutions")
        print(f"{n:2d} queens: {len(solutions)} solutions, first {solutions[0]}")
    counted = count_bitmask(BITMASK_BOARD)
    if BITMASK_BOARD in KNOWN_COUNTS and counted != KNOWN_COUNTS[BITMASK_BOARD]:
        raise AssertionError(f"{BITMASK_BOARD} queens: {counted} by bit masks")
    print(f"{BITMASK_BOARD:2d} queens: {counted} solutions (bit masks)")
    by_permutation = sorted(permutation_solutions(PERMUTATION_BOARD))
    by_search = sorted(Board(PERMUTATION_BOARD).solve())
    if by_permutation != by_search:
        raise AssertionError("the two solvers disagree")
    print(render(by_search[0]))
    print(f"checksum {checksum} {len(by_permutation)} {counted}")


if __name__ == "__main__":
    main()
