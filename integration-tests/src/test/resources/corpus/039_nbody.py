# jit-expect-compiled: advance energy
import math

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS = 365.24


def advance(bodies, dt, steps):
    n = len(bodies)
    for s in range(steps):
        for i in range(n):
            bi = bodies[i]
            for j in range(i + 1, n):
                bj = bodies[j]
                dx = bi[0] - bj[0]
                dy = bi[1] - bj[1]
                dz = bi[2] - bj[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                bm = bj[6] * mag
                bi[3] -= dx * bm
                bi[4] -= dy * bm
                bi[5] -= dz * bm
                bm = bi[6] * mag
                bj[3] += dx * bm
                bj[4] += dy * bm
                bj[5] += dz * bm
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        for j in range(i + 1, n):
            c = bodies[j]
            dx = b[0] - c[0]
            dy = b[1] - c[1]
            dz = b[2] - c[2]
            e -= b[6] * c[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


bodies = [
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
    [4.84, -1.16, -0.10, 0.00166 * DAYS, 0.00770 * DAYS, -0.0000690 * DAYS, 0.000954 * SOLAR_MASS],
    [8.34, 4.12, -0.40, -0.00276 * DAYS, 0.00500 * DAYS, 0.0000230 * DAYS, 0.000286 * SOLAR_MASS],
    [12.89, -15.11, -0.22, 0.00296 * DAYS, 0.00237 * DAYS, -0.0000296 * DAYS, 0.0000437 * SOLAR_MASS],
]
print("%.9f" % energy(bodies))
advance(bodies, 0.01, 1000)
print("%.9f" % energy(bodies))
print(repr(bodies[1][0]), repr(bodies[3][2]))
