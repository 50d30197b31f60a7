def f(n):
    i = 0
    while i < n:
        i = i + 1
        if i == 5:
            break
    return i
