# Quick code that gets hot is compiled again, optimised, while frames of the quick code are still
# running: a recursion in the middle of its descent, a generator between two of its resumptions.
def lukewarm(x):
    return x * 2

def hot(x):
    return x + 1

def descend(n):
    return 0 if n == 0 else 1 + descend(n - 1)

def counter(limit):
    i = 0
    while i < limit:
        yield i
        i += 1

def three(x):
    yield x
    yield x + 1
    yield x + 2

def loops(n):
    total = 0
    for i in range(n):
        total += i
    return total

print(sum(lukewarm(i) for i in range(10)))
print(sum(hot(i) for i in range(3000)))
print([descend(40) for _ in range(60)][-1])
# list(), not sum(): sum() has optimised generator code consume the items without resuming it for each
print(sum(list(counter(5000))))
print(sum(sum(list(three(i))) for i in range(1500)))
print(loops(100))
