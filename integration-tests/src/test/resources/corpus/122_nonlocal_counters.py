# jit-expect-compiled: bump_all make_counter inc get make_accumulator add late_cell read
# nonlocal counters and accumulators: each closure has its own cell, cells shared by sibling
# closures, cells rebound after the closure was made, and an unbound free variable (NameError).
def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


def make_accumulator():
    items = []
    total = 0

    def add(x):
        nonlocal total
        items.append(x)
        total += x
        return total, len(items)

    return add


def bump_all(incs, n):
    last = None
    for i in range(n):
        for inc in incs:
            last = inc(i)
    return last


def late_cell():
    def read():
        return value
    try:
        read()
    except NameError as e:
        msg = str(e)
    value = "bound now"
    return msg, read()


def deleted_cell():
    x = 1

    def read():
        return x
    first = read()
    del x
    try:
        read()
    except NameError as e:
        return first, str(e)


inc_a, get_a = make_counter()
inc_b, get_b = make_counter(100)
print(bump_all([inc_a, inc_b], 5), get_a(), get_b())
print(inc_a(), inc_a(step=-3), get_a())
print(inc_a.__code__.co_freevars, make_counter.__code__.co_cellvars)
print([c.cell_contents for c in inc_b.__closure__])
add = make_accumulator()
for v in (5, 7, -2):
    print(add(v))
print(late_cell())
print(deleted_cell())
