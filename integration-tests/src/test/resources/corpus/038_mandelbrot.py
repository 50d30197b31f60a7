# jit-expect-compiled: mandel_iter render
def mandel_iter(cr, ci, max_iter):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < max_iter:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        n += 1
    return max_iter


def render(width, height, max_iter):
    chars = " .:-=+*#%@"
    lines = []
    total = 0
    for y in range(height):
        ci = -1.2 + 2.4 * y / (height - 1)
        line = ""
        for x in range(width):
            cr = -2.1 + 3.0 * x / (width - 1)
            it = mandel_iter(cr, ci, max_iter)
            total += it
            line += chars[it * (len(chars) - 1) // max_iter]
        lines.append(line)
    return lines, total


lines, total = render(60, 21, 50)
for l in lines:
    print(l.rstrip())
print(total)
