# jit-expect-compiled: neighbors step show
def neighbors(grid, r, c):
    rows = len(grid)
    cols = len(grid[0])
    n = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            rr = (r + dr) % rows
            cc = (c + dc) % cols
            n += grid[rr][cc]
    return n


def step(grid):
    new = []
    for r in range(len(grid)):
        row = []
        for c in range(len(grid[0])):
            n = neighbors(grid, r, c)
            alive = grid[r][c] == 1
            row.append(1 if (alive and n in (2, 3)) or (not alive and n == 3) else 0)
        new.append(row)
    return new


def show(grid):
    lines = []
    for row in grid:
        s = ""
        for v in row:
            s += "#" if v else "."
        lines.append(s)
    return "\n".join(lines)


g = [[0] * 8 for _ in range(8)]
for r, c in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]:
    g[r][c] = 1
for gen in range(5):
    print("gen", gen)
    print(show(g))
    g = step(g)
for _ in range(27):
    g = step(g)
print(show(g), sum(map(sum, g)))
