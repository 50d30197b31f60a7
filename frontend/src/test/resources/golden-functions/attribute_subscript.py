def f(o, k):
    o.count = o.items[k] + len(o.items[1:k])
    o.items[k] = o.method(k)
    o.items[:k] = o.items
    a, b = o.pair
    return o.count, a, b
