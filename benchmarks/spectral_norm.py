"""Spectral norm of the infinite matrix A with a(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1).

In the style of pyperformance's spectral_norm (from the Computer Language Benchmarks Game):
power iteration with A^T A, computed by hand on lists of floats.
"""
import math

N = 300
ITERATIONS = 10


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(u):
    n = len(u)
    return [sum(eval_a(i, j) * u[j] for j in range(n)) for i in range(n)]


def mul_atv(u):
    n = len(u)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(j, i) * u[j]
        result.append(total)
    return result


def mul_atav(u):
    return mul_atv(mul_av(u))


def spectral_norm(n, iterations):
    u = [1.0] * n
    v = u
    for _ in range(iterations):
        v = mul_atav(u)
        u = mul_atav(v)
    vbv = sum(ue * ve for ue, ve in zip(u, v))
    vv = sum(ve * ve for ve in v)
    return math.sqrt(vbv / vv)


def main():
    norm = spectral_norm(N, ITERATIONS)
    print(f"spectral norm for n={N}: {norm:.9f}")
    print(f"checksum {norm:.12f}")


if __name__ == "__main__":
    main()
