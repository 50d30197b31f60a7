def f(xs):
    total = 0
    for x in xs:
        sent = yield x, total
        total += sent
    return total
