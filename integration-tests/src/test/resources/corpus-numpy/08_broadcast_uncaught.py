# jit-expect-compiled: outer_table normalise_rows combine apply_weights report main
# Broadcasting that works ((3,1) with (1,4), rows minus column means, scalars), then one that
# does not: shapes (3,) and (4,) meet in apply_weights, three of this program's frames deep,
# and the ValueError is not caught. Its full traceback goes to stderr (with the position
# markers of Python 3.13 under each line) and the exit status is 1, so the compiled code must
# leave the same frames, with the same line numbers and instruction offsets, as the
# interpreter. The output printed before the error must all be flushed first.
import numpy as np

np.set_printoptions(precision=3, linewidth=100)


def outer_table(n, m):
    rows = np.arange(1, n + 1).reshape(n, 1)
    cols = np.arange(1, m + 1).reshape(1, m)
    return rows * 10 + cols


def normalise_rows(x):
    centred = x - x.mean(axis=1, keepdims=True)
    scale = np.abs(centred).max(axis=1)[:, np.newaxis]
    return centred / np.where(scale == 0, 1.0, scale)


def combine(a, b):
    print("combine", a.shape, "with", b.shape, "->", np.broadcast_shapes(a.shape, b.shape))
    return a + b


def apply_weights(values, weights):
    scaled = values * weights
    return scaled.sum()


def report(data, weights):
    total = apply_weights(data, weights)
    print("weighted total", total)
    return total


def main():
    t = outer_table(3, 4)
    print(t)
    print(normalise_rows(t.astype(np.float64)))
    print(combine(np.ones((2, 1, 3)), np.arange(4).reshape(4, 1)).shape)
    print(combine(np.arange(3), np.float64(0.5)))
    print(np.broadcast_to(np.arange(3), (2, 3)))
    report(np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.25, 0.25]))
    try:
        np.broadcast_shapes((3,), (4,))
    except ValueError as e:
        print("caught:", e)
    report(np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.25, 0.125, 0.125]))
    print("not reached")


main()
