# jit-expect-compiled: total_of total_of_floats
# jit-threshold: 5
# jit-loop-threshold: 5
# jit-expect-deopts: total_of total_of_floats
# The loops run over ranges, lists and tuples while the interpreter specialises them; once compiled,
# they get other iterables: the compiled code hands the frame to the interpreter and the result
# stays the interpreter's.


def total_of(items):
    total = 0
    count = 0
    for item in items:
        total = total + item
        count += 1
    return total, count


def total_of_floats(items, scale):
    acc = 0.0
    for item in items:
        acc = acc + item * scale
    return acc


for _ in range(6):
    print(total_of(range(10)))
    print(total_of_floats([1.0, 2.0, 3.5], 2.0))
print(total_of([1, 2, 3]))
print(total_of((4, 5, 6)))
print(total_of(x for x in range(4)))
print(total_of({7: "a", 8: "b"}))
print(total_of(range(2**62, 2**62 + 3)))
print(total_of_floats((1.0, 2.0), 0.5))
print(total_of_floats(range(3), 1.5))
print(total_of_floats(iter([0.5, 0.25]), 4.0))
