# args: int
def f(x):
    y = x + 1
    z = y * 2
    print(y)
    return y + z
