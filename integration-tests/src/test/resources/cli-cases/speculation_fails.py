# total() is compiled from code the interpreter had specialised for ranges and ints, then called
# with lists of floats: each call hands its frame to the interpreter at the loop, until the function
# is compiled again, generically, and then runs natively to the end.
def total(items):
    acc = 0
    for item in items:
        acc = acc + item
    return acc


for _ in range(10):
    total(range(100))
floats = [0.5] * 10
print(sum(total(floats) for _ in range(300)))
print(total(range(10)))
