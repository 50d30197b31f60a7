# args: list,int
def f(items, n):
    items[n + 1] = items[n - 1] + items[0]
    return items[-1]
