# jit-expect-compiled: residues squares
# jit-threshold: 4
# jit-loop-threshold: 4
# jit-expect-deopts: residues squares
# Int temporaries that a loop computes afresh each time round (square, part) go around it as
# 64-bit values though they are unbound on the way in. An overflow in the first round, a string
# where ints were, a loop that never runs: the frame and the results are the interpreter's.


def residues(start, count, n):
    total = 0
    for i in range(start, start + count):
        square = i * i
        part = square % n
        total += part
    return total, sorted(locals())


def squares(values):
    total = 0
    for value in values:
        square = value * value
        total += square
    return total


for _ in range(6):
    print(residues(3, 10, 7), squares([1, 2, 3]))
print(residues(3, 0, 7), squares([]))
print(residues(2 ** 40, 3, 1000003), residues(2 ** 62, 2, 97))
print(squares([2 ** 40, 3]), squares([1.5, 2]))
for values in (["x"], [4, "x"]):
    try:
        squares(values)
    except TypeError as error:
        frame = error.__traceback__.tb_next.tb_frame
        print("TypeError", error, sorted(frame.f_locals), frame.f_locals.get("square"))
