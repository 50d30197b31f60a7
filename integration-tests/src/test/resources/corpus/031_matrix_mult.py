# jit-expect-compiled: matmul identity transpose mat_pow
def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = []
    for i in range(n):
        row = []
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            row.append(s)
        c.append(row)
    return c


def identity(n):
    rows = []
    for i in range(n):
        r = [0] * n
        r[i] = 1
        rows.append(r)
    return rows


def transpose(a):
    out = []
    for j in range(len(a[0])):
        col = []
        for i in range(len(a)):
            col.append(a[i][j])
        out.append(col)
    return out


def mat_pow(a, e):
    result = identity(len(a))
    while e > 0:
        if e % 2 == 1:
            result = matmul(result, a)
        a = matmul(a, a)
        e //= 2
    return result


A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
print(matmul(A, B))
print(transpose(A))
print(matmul(identity(3), B) == B)
print(mat_pow([[1, 1], [1, 0]], 100)[0][1])
print(matmul([[0.5, 1.5], [2.0, -1.0]], [[1.0, 0.0], [0.25, 4.0]]))
