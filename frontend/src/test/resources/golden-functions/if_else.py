def f(x, y):
    if x > 0 and y is not None:
        r = 1
    elif not x:
        r = -1
    else:
        r = 0
    t = (r if y else x) + 1
    return t * t + r
