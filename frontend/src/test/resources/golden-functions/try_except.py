def f(d, keys):
    total = 0
    for k in keys:
        try:
            total += d[k]
        except KeyError:
            total -= 1
    return total
