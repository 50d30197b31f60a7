# jit-expect-compiled: fib fib_memo fact
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_memo(n, memo):
    if n in memo:
        return memo[n]
    r = fib_memo(n - 1, memo) + fib_memo(n - 2, memo)
    memo[n] = r
    return r


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


for i in range(20):
    print(i, fib(i))
print(fib(22))
print(fib_memo(150, {0: 0, 1: 1}))
print(fact(30))
