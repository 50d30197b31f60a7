def shift(items, n):
    items[n + 1] = items[n - 1] + items[0]
    return items[-1]


data = [1, 2, 3, 4]
for n in range(1, 3):
    print(shift(data, n), data)
