"""Dense matrix multiplication on lists of lists of floats.

A deterministic pseudo-random matrix is multiplied by itself a few times (with a
normalisation step so values stay bounded); the trace and the sum are printed.
"""

SIZE = 140
ROUNDS = 3


class Lcg:
    """A small linear congruential generator, so the matrix does not depend on `random`."""

    def __init__(self, seed):
        self.state = seed

    def next_float(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 11) / float(1 << 53)


def random_matrix(n, rng):
    return [[rng.next_float() - 0.5 for _ in range(n)] for _ in range(n)]


def transpose(m):
    return [list(col) for col in zip(*m)]


def matmul(a, b):
    bt = transpose(b)
    result = []
    for row in a:
        out = []
        for col in bt:
            acc = 0.0
            for x, y in zip(row, col):
                acc += x * y
            out.append(acc)
        result.append(out)
    return result


def matmul_ikj(a, b):
    n, m = len(a), len(b[0])
    c = [[0.0] * m for _ in range(n)]
    for i in range(n):
        ci = c[i]
        ai = a[i]
        for k, aik in enumerate(ai):
            bk = b[k]
            for j in range(m):
                ci[j] += aik * bk[j]
    return c


def normalise(m):
    largest = max(abs(x) for row in m for x in row)
    return [[x / largest for x in row] for row in m]


def trace(m):
    return sum(m[i][i] for i in range(len(m)))


def main():
    rng = Lcg(20240611)
    a = random_matrix(SIZE, rng)
    b = random_matrix(SIZE, rng)
    for r in range(ROUNDS):
        c = matmul(a, b)
        d = matmul_ikj(a, b)
        diff = max(abs(x - y) for rc, rd in zip(c, d) for x, y in zip(rc, rd))
        if diff > 1e-9:
            raise AssertionError(f"round {r}: the two products differ by {diff}")
        a, b = normalise(c), normalise(transpose(d))
        print(f"round {r}: trace {trace(c):.9f}")
    total = sum(sum(row) for row in a)
    print(f"checksum {trace(a):.9f} {total:.9f}")


if __name__ == "__main__":
    main()
