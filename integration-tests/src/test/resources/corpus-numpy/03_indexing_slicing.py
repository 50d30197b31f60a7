# jit-expect-compiled: basic_slices fancy_indexing views_and_copies where_and_masks row_loop fill_diagonal_loop main
# NumPy indexing and slicing from compiled code: basic slices with negative steps and
# tuples of slices (BINARY_SLICE / BUILD_SLICE / BINARY_SUBSCR with tuple keys), fancy
# indexing with lists, arrays and boolean masks, assignment through views (STORE_SUBSCR /
# STORE_SLICE on arrays must write into the shared buffer), reshape/transpose returning
# views while fancy indexing returns copies (checked with np.shares_memory and .base), and
# np.where in its one- and three-argument forms. Subscripts here are not lists or dicts, so
# no specialised subscript path may be taken for them.
import numpy as np

np.set_printoptions(linewidth=100)


def basic_slices():
    a = np.arange(10)
    print(a[2:7], a[::-1], a[-3:], a[:-3], a[8:2:-2], a[::3], a[-1], a[-10])
    lo, hi, st = 1, 9, 3
    print(a[lo:hi], a[lo:hi:st], a[hi:lo:-st], a[slice(None, None, -4)])
    m = np.arange(20).reshape(4, 5)
    print(m[1], m[1, 2], m[-1, -1], m[1:3, ::2])
    print(m[:, 0], m[::-1, ::-1][0], m[..., 1], m[None, 0].shape, m[:, np.newaxis, 0].shape)
    i, j = 2, 3
    print("m[i, j]", m[i, j], type(m[i, j]).__name__, "m[i][j]", m[i][j])
    print("tuple key", m[(0, 4)], m[(slice(1, 3), 4)])
    e = a[5:5]
    print("empty", e, e.shape, len(e))


def fancy_indexing():
    a = np.arange(100, 110)
    print(a[[0, 2, 4]], a[[-1, -2]], a[np.array([9, 0, 9])])
    m = np.arange(12).reshape(3, 4)
    print(m[[0, 2]])
    print(m[[0, 1, 2], [3, 2, 1]])
    print(m[np.ix_([0, 2], [1, 3])])
    mask = a % 3 == 0
    print(mask, a[mask], a[~mask][:3])
    a[[1, 3]] = -1
    a[a > 105] = 0
    print(a)
    a[[0, 0, 0]] += 1
    print("repeated index +=", a[0])
    np.add.at(a, [0, 0, 0], 1)
    print("add.at", a[0])
    b = m[m % 2 == 1]
    b[0] = 999
    print("copy not view", m[0, 1], b[:3])
    m[:, [0, 3]] = m[:, [3, 0]]
    print(m)


def views_and_copies():
    base = np.arange(12, dtype=np.float64)
    r = base.reshape(3, 4)
    t = r.T
    s = r[1:, ::2]
    c = r.copy()
    f = r[[0, 1]]
    print("shares", np.shares_memory(base, r), np.shares_memory(base, t), np.shares_memory(base, s),
          np.shares_memory(base, c), np.shares_memory(base, f))
    print("base is", r.base is base, t.base is r, c.base is None, f.base is None)
    t[0, 2] = -5.0
    s[:] = 7.0
    print(base)
    r[0] = r[0][::-1]
    print(base[:4])
    flat = t.reshape(-1)
    print("transposed reshape is a copy", np.shares_memory(flat, base), flat.flags["C_CONTIGUOUS"])
    rav = r.ravel()
    rav[0] = 42.0
    print("ravel of contiguous is a view", base[0])
    print("contiguity", r.flags["C_CONTIGUOUS"], t.flags["C_CONTIGUOUS"], t.flags["F_CONTIGUOUS"])
    base[:] = 0
    print(r.sum(), t.sum(), s.sum(), c.sum())
    a = np.zeros(5, dtype=np.int64)
    a[1:4] = [1, 2, 3]
    a[::-2] = 9
    print(a)
    lst = [1, 2, 3]
    v = np.asarray(lst)
    lst[0] = 100
    print("asarray of a list copies", v)


def where_and_masks():
    x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    print(np.where(x > 0, x, 0.0))
    print(np.where(x < 0, -1, np.where(x > 0, 1, 0)))
    print(np.where(x != 0))
    idx = np.nonzero(x > -1)[0]
    print(idx, x[idx])
    m = np.arange(9).reshape(3, 3)
    rows, cols = np.where(m % 4 == 0)
    print(rows, cols)
    print(np.argwhere(m > 6))
    clipped = np.clip(m, 2, 6)
    print(clipped)
    print(np.count_nonzero(m > 3), np.flatnonzero(m % 3 == 0))
    sel = np.select([m < 3, m > 5], [m * 10, -m], default=0)
    print(sel)


def row_loop(m):
    # iterating a 2-D array yields 1-D row views; writes through them hit m
    out = []
    for row in m:
        row[0] = row.sum()
        out.append(int(row[0]))
    n = 0
    for k in range(m.shape[0]):
        for j in range(m.shape[1]):
            if m[k, j] % 2 == 0:
                n += 1
    return out, n


def fill_diagonal_loop(n):
    z = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        z[i, i] = i + 1
        z[i, -1 - i] += 10
        z[i][0] -= 1
    return z


def main():
    basic_slices()
    fancy_indexing()
    views_and_copies()
    where_and_masks()
    m = np.arange(12).reshape(3, 4)
    print(row_loop(m), m[:, 0])
    print(fill_diagonal_loop(4))


main()
