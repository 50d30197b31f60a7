# jit-expect-compiled: bump read_total create_new chunks classify filtered
# global declarations (assignment creating a module variable, augmented assignment in loops,
# reading a global deleted elsewhere) and the walrus operator in while loops, if chains and comprehensions.
total = 0
calls = 0


def bump(n):
    global total, calls
    calls += 1
    total += n
    return total


def read_total():
    return total


def create_new():
    global brand_new
    brand_new = "created by a function"


def chunks(data, size):
    out = []
    i = 0
    while (piece := data[i:i + size]):
        out.append(piece)
        i += size
    return out


def classify(values):
    out = []
    for v in values:
        if (sq := v * v) > 50:
            out.append(("big", sq))
        elif (half := v // 2) > 1:
            out.append(("mid", half))
        else:
            out.append(("small", v))
    return out


def filtered(values):
    return [y for x in values if (y := x * 3) % 2 == 0], y


for i in range(5):
    bump(i)
print(total, calls, read_total())
create_new()
print(brand_new)
print(chunks("abcdefghij", 3))
print(classify([1, 4, 8, 3]))
print(filtered([1, 2, 3, 4]))
del total
try:
    read_total()
except NameError as e:
    print("NameError:", e)
total = 100
print(read_total(), bump(1))
