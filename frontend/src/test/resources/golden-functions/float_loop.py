# args: float,float
def f(cr, ci):
    zr = zi = 0.0
    n = 0
    while n < 50:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        n += 1
    return n
