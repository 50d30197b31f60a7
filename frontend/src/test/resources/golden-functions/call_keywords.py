def f(g, x):
    return g(x, 1, sep=x, end='')
