# jit-expect-compiled: safe solve queens first_solution
def safe(cols, row, col):
    for r in range(row):
        c = cols[r]
        if c == col or abs(c - col) == row - r:
            return False
    return True


def solve(cols, row, n):
    if row == n:
        return 1
    count = 0
    for col in range(n):
        if safe(cols, row, col):
            cols[row] = col
            count += solve(cols, row + 1, n)
    return count


def queens(n):
    return solve([0] * n, 0, n)


def first_solution(cols, row, n):
    if row == n:
        return list(cols)
    for col in range(n):
        if safe(cols, row, col):
            cols[row] = col
            res = first_solution(cols, row + 1, n)
            if res is not None:
                return res
    return None


for n in range(1, 9):
    print(n, queens(n))
sol = first_solution([0] * 8, 0, 8)
print(sol)
for c in sol:
    print("." * c + "Q" + "." * (7 - c))
