# jit-expect-compiled: step checksum driver
def step(x, i):
    return (x * 31 + i) % 1000003


def checksum(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h


def driver(n):
    x = 7
    hits = 0
    for i in range(n):
        x = step(x, i)
        if x % 7 == 0:
            hits += 1
    return x, hits


print(driver(10000))
acc = 0
for i in range(10000):
    acc = step(acc, i)
print(acc)
total = 0
for i in range(10000):
    total ^= checksum("k" + str(i))
print(total)
print(driver(20000))
