# jit-expect-compiled: pairs_summing triangle first_dup_row
def pairs_summing(nums, target):
    found = []
    for i in range(len(nums)):
        if nums[i] > target:
            continue
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                found.append((nums[i], nums[j]))
                break
    return found


def triangle(n):
    rows = []
    for i in range(n):
        row = ""
        for j in range(n):
            if j > i:
                break
            if (i + j) % 2:
                row += "."
                continue
            row += "#"
        rows.append(row)
    return rows


def first_dup_row(grid):
    r = 0
    for row in grid:
        seen = []
        for v in row:
            if v in seen:
                return r, v
            seen.append(v)
        r += 1
    return None


print(pairs_summing([1, 9, 3, 7, 5, 5, 12, -2], 10))
for line in triangle(6):
    print(line)
print(first_dup_row([[1, 2, 3], [4, 5, 6], [7, 8, 7, 9], [1, 1]]))
print(first_dup_row([[1], [2]]))
