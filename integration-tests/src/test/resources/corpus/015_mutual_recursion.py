# jit-expect-compiled: is_even is_odd hofstadter_f hofstadter_m
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hofstadter_f(n):
    if n == 0:
        return 1
    return n - hofstadter_m(hofstadter_f(n - 1))


def hofstadter_m(n):
    if n == 0:
        return 0
    return n - hofstadter_f(hofstadter_m(n - 1))


print([is_even(i) for i in range(10)])
print(is_odd(101), is_even(200))
print([hofstadter_f(i) for i in range(20)])
print([hofstadter_m(i) for i in range(20)])
