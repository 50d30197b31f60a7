"""Mandelbrot set: escape-time iteration on a grid of points, floats only.

In the spirit of the Benchmarks Game's mandelbrot, but counting iterations instead of
writing a bitmap; a coarse ASCII picture and a checksum of the counts are printed.
"""

WIDTH = 320
HEIGHT = 240
MAX_ITER = 300


def escape_time(cr, ci, max_iter):
    zr = zi = 0.0
    for n in range(max_iter):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return max_iter


def render(width, height, max_iter, x0=-2.2, x1=0.8, y0=-1.2, y1=1.2):
    dx = (x1 - x0) / width
    dy = (y1 - y0) / height
    rows = []
    for py in range(height):
        ci = y0 + py * dy
        rows.append([escape_time(x0 + px * dx, ci, max_iter) for px in range(width)])
    return rows


def ascii_art(rows, max_iter, step=8):
    shades = " .:-=+*#%@"
    lines = []
    for row in rows[::step]:
        line = "".join(shades[min(len(shades) - 1, n * len(shades) // (max_iter + 1))] for n in row[::step // 2])
        lines.append(line.rstrip())
    return "\n".join(lines)


def main():
    rows = render(WIDTH, HEIGHT, MAX_ITER)
    print(ascii_art(rows, MAX_ITER))
    total = sum(map(sum, rows))
    inside = sum(n == MAX_ITER for row in rows for n in row)
    weighted = sum((i + 1) * n for row in rows for i, n in enumerate(row)) % 1_000_000_007
    print(f"checksum {total} {inside} {weighted}")


if __name__ == "__main__":
    main()
