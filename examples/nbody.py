# A small n-body simulation: float arithmetic in loops, the kind of code pyjit is for.
import math

def energy(xs, ys, vxs, vys, masses):
    e = 0.0
    n = len(masses)
    for i in range(n):
        e += 0.5 * masses[i] * (vxs[i] * vxs[i] + vys[i] * vys[i])
        for j in range(i + 1, n):
            dx = xs[i] - xs[j]
            dy = ys[i] - ys[j]
            e -= masses[i] * masses[j] / math.sqrt(dx * dx + dy * dy)
    return e

def advance(xs, ys, vxs, vys, masses, dt, steps):
    n = len(masses)
    for _ in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                dx = xs[i] - xs[j]
                dy = ys[i] - ys[j]
                d2 = dx * dx + dy * dy + 0.01
                mag = dt / (d2 * math.sqrt(d2))
                vxs[i] -= dx * masses[j] * mag
                vys[i] -= dy * masses[j] * mag
                vxs[j] += dx * masses[i] * mag
                vys[j] += dy * masses[i] * mag
        for i in range(n):
            xs[i] += dt * vxs[i]
            ys[i] += dt * vys[i]

xs = [0.0, 1.0, -1.0, 0.0, 0.5]
ys = [0.0, 0.0, 0.0, 1.0, -0.5]
vxs = [0.0, 0.0, 0.0, -0.5, 0.3]
vys = [0.0, 0.5, -0.5, 0.0, 0.2]
masses = [10.0, 1.0, 1.0, 0.5, 0.1]
print("energy before: %.9f" % energy(xs, ys, vxs, vys, masses))
advance(xs, ys, vxs, vys, masses, 0.001, 20000)
print("energy after:  %.9f" % energy(xs, ys, vxs, vys, masses))
