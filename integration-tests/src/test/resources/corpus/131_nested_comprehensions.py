# jit-expect-compiled: cell matrix transpose triangle nested_in_iterable dict_of_lists cartesian_sets generator_in_comprehension
# Nested comprehensions: a matrix built by a comprehension of comprehensions, transposition,
# a comprehension in the iterable of another, and an inner comprehension using the outer variable.
def cell(i, j):
    return i * 10 + j


def matrix(n, m):
    return [[cell(i, j) for j in range(m)] for i in range(n)]


def transpose(mat):
    return [[row[k] for row in mat] for k in range(len(mat[0]))]


def triangle(n):
    return [[j for j in range(i)] for i in range(n)]


def nested_in_iterable(n):
    return [x * 2 for x in [y + 1 for y in range(n)] if x % 2]


def dict_of_lists(words):
    return {w: [c for c in w if c in "aeiou"] for w in words}


def cartesian_sets(a, b):
    return sorted({(x, y) for x in a for y in {z * 2 for z in b}})


def generator_in_comprehension(rows):
    return [sum(v for v in row if v > 0) for row in rows]


m = matrix(3, 4)
print(m)
print(transpose(m))
print(triangle(5))
print(nested_in_iterable(10))
print(dict_of_lists(["queue", "sky", "idea"]))
print(cartesian_sets([1, 2], [3, 3, 4]))
print(generator_in_comprehension([[1, -2, 3], [-1], [5, 5]]))
