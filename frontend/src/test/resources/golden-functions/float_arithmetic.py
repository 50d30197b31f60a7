def f(x, y):
    z = (x * 2.5 + y / 4.0) ** 0.5
    w = 1.5
    return -z, w * 2.0 - 1, +x
