# jit-expect-compiled: neighbours run_generations step_torus step_sparse render find_period parse main
# Conway's life two ways from compiled code: a list-of-lists torus (wrapping edges) and a sparse
# set of live cells on an unbounded board, checked against each other on a pattern that never
# touches the edges; period detection with a dict of frozenset states (blinker period 2, block
# period 1, a glider returning to its shape displaced after 4 generations on the torus after 24).
def parse(picture):
    return {(r, c) for r, row in enumerate(picture.strip().splitlines()) for c, ch in enumerate(row) if ch == "#"}


def neighbours(r, c):
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr or dc:
                yield r + dr, c + dc


def step_sparse(live):
    counts = {}
    for r, c in live:
        for cell in neighbours(r, c):
            counts[cell] = counts.get(cell, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def step_torus(grid):
    h, w = len(grid), len(grid[0])
    new = [[0] * w for _ in range(h)]
    for r in range(h):
        for c in range(w):
            n = sum(grid[(r + dr) % h][(c + dc) % w] for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
            new[r][c] = 1 if n == 3 or (n == 2 and grid[r][c]) else 0
    return new


def to_grid(live, h, w):
    grid = [[0] * w for _ in range(h)]
    for r, c in live:
        grid[r % h][c % w] = 1
    return grid


def render(grid):
    return ["".join("#" if v else "." for v in row) for row in grid]


def find_period(live, limit, h=None, w=None):
    seen = {}
    state = frozenset(live)
    for gen in range(limit):
        if state in seen:
            return seen[state], gen - seen[state]
        seen[state] = gen
        if h is None:
            state = frozenset(step_sparse(state))
        else:
            grid = step_torus(to_grid(state, h, w))
            state = frozenset((r, c) for r in range(h) for c in range(w) if grid[r][c])
    return None


GLIDER = """
.#.
..#
###
"""


def main():
    glider = parse(GLIDER)
    torus = to_grid(glider, 6, 6)
    sparse = set(glider)
    for gen in range(5):
        print("gen", gen, " ".join(render(torus)))
        assert set((r, c) for r in range(6) for c in range(6) if torus[r][c]) == {(r % 6, c % 6) for r, c in sparse}
        torus, sparse = step_torus(torus), step_sparse(sparse)
    after4 = run_generations(glider, 5)[-1]
    print("sparse glider after 4:", sorted(after4), "moved by (1,1):", after4 == {(r + 1, c + 1) for r, c in glider})
    print("blinker:", find_period(parse("###"), 10))
    print("block:", find_period(parse("##\n##"), 10))
    print("glider on 6x6 torus:", find_period(glider, 40, 6, 6))
    print("dies out:", find_period(parse("#..\n..#"), 10), sorted(step_sparse(parse("#..\n..#"))))
    print("r-pentomino population:", [len(s) for s in run_generations(parse(".##\n##.\n.#."), 12)])


def run_generations(live, n):
    out = []
    for _ in range(n):
        out.append(live)
        live = step_sparse(live)
    return out


main()
