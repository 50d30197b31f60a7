# jit-expect-compiled: scale
# First called with floats (and compiled for them, a loop compiles at its first call), then
# mostly with ints: after repeated guard failures the function is compiled again, generically.
def scale(x, k):
    t = 0
    for i in range(3):
        t = t + x * k
    return t


print(scale(1.5, 2.0))
total = 0
for i in range(200):
    total += scale(i, 3)
print(total, scale(0.5, 0.5), scale(True, 2))
try:
    scale("ab", 2)
except TypeError as error:
    print("TypeError:", error)
