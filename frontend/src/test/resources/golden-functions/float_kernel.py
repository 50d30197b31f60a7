# args: float,float
def f(x, y):
    d = x * x + y * y
    if d < 1.0:
        return d / 2.0
    return x - y
