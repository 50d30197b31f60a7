# jit-expect-compiled: life_step run_life accelerations energy nbody_step run_nbody heat_step main
# jit-threshold: 3
# Small NumPy simulations driven from compiled loops: Conway's game of life on a torus
# (np.roll, boolean logic, integer neighbour counts), a vectorised gravitational n-body
# integrator (broadcasting (n,1,3)-(1,n,3), np.einsum, leapfrog steps, energy as a
# checksum), and 1-D heat diffusion with in-place slice updates. The step functions are
# compiled at their 3rd call, once the interpreter has specialised them on these array
# operations. Checksums are rounded so that output is exact and deterministic; the random
# start uses np.random.default_rng with a fixed seed.
import numpy as np


def life_step(grid):
    n = np.zeros(grid.shape, dtype=np.int64)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy or dx:
                n += np.roll(np.roll(grid, dy, axis=0), dx, axis=1)
    return ((n == 3) | (grid & (n == 2))).astype(np.int64)


def run_life(steps):
    rng = np.random.default_rng(42)
    grid = (rng.random((16, 16)) < 0.3).astype(np.int64)
    glider = np.zeros((8, 8), dtype=np.int64)
    glider[1, 2] = glider[2, 3] = glider[3, 1] = glider[3, 2] = glider[3, 3] = 1
    history = []
    for s in range(steps):
        grid = life_step(grid)
        glider = life_step(glider)
        history.append(int(grid.sum()))
    weights = np.arange(grid.size).reshape(grid.shape)
    print("life populations", history)
    print("life checksum", int((grid * weights).sum()))
    print("glider cells", [tuple(int(v) for v in p) for p in np.argwhere(glider)])
    for row in glider[:6]:
        print("".join("#" if c else "." for c in row))


def accelerations(pos, mass, soft):
    d = pos[np.newaxis, :, :] - pos[:, np.newaxis, :]
    r2 = np.einsum("ijk,ijk->ij", d, d) + soft * soft
    inv = r2 ** -1.5
    np.fill_diagonal(inv, 0.0)
    return np.einsum("ij,ijk,j->ik", inv, d, mass)


def energy(pos, vel, mass, soft):
    kinetic = 0.5 * float(np.sum(mass * np.sum(vel * vel, axis=1)))
    potential = 0.0
    n = len(mass)
    for i in range(n):
        for j in range(i + 1, n):
            dist = np.sqrt(np.sum((pos[i] - pos[j]) ** 2) + soft * soft)
            potential -= mass[i] * mass[j] / dist
    return kinetic + potential


def nbody_step(pos, vel, acc, mass, dt, soft):
    vel += 0.5 * dt * acc
    pos += dt * vel
    acc = accelerations(pos, mass, soft)
    vel += 0.5 * dt * acc
    return acc


def run_nbody(steps):
    rng = np.random.default_rng(42)
    n = 6
    pos = rng.normal(size=(n, 3))
    vel = rng.normal(scale=0.1, size=(n, 3))
    mass = rng.uniform(0.5, 1.5, size=n)
    vel -= (mass[:, None] * vel).sum(axis=0) / mass.sum()
    soft = 0.1
    acc = accelerations(pos, mass, soft)
    e0 = energy(pos, vel, mass, soft)
    for _ in range(steps):
        acc = nbody_step(pos, vel, acc, mass, 0.01, soft)
    e1 = energy(pos, vel, mass, soft)
    momentum = (mass[:, None] * vel).sum(axis=0)
    print("nbody energy", round(e0, 6), round(e1, 6), "drift < 1e-3:", abs(e1 - e0) < 1e-3)
    print("nbody momentum ~ 0:", bool(np.all(np.abs(momentum) < 1e-12)))
    print("nbody centre", np.round(np.average(pos, axis=0, weights=mass), 6))
    print("nbody checksum", round(float(np.abs(pos).sum() + np.abs(vel).sum()), 6))
    print("energy type", type(e0).__name__)


def heat_step(u, alpha):
    u[1:-1] += alpha * (u[2:] - 2.0 * u[1:-1] + u[:-2])
    return u


def main():
    run_life(12)
    run_nbody(200)
    u = np.zeros(21)
    u[10] = 100.0
    for _ in range(50):
        heat_step(u, 0.25)
    print("heat total", round(float(u.sum()), 9), "peak", round(float(u.max()), 6), "argmax", int(u.argmax()))
    print("heat profile", np.round(u[6:15], 3))


main()
