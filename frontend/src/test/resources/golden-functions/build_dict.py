def f(a, b):
    d = {'x': a, 'y': b}
    e = {a: b, 'z': 1}
    return d, e, [a, *b], f'{a}-{b}'
