# jit-expect-compiled: incr get_counter reset record total_len
counter = 0
LIMIT = 5
log = []


def incr(by):
    global counter
    counter += by
    if counter > LIMIT:
        counter = LIMIT
    return counter


def get_counter():
    return counter


def reset():
    global counter, LIMIT
    counter = 0
    LIMIT = LIMIT * 2


def record(msg):
    log.append(msg)
    return len(log)


def total_len():
    n = 0
    for m in log:
        n += len(m)
    return n


print(incr(2), incr(2), incr(2), get_counter())
reset()
print(get_counter(), LIMIT, incr(7), incr(7))
counter = 100
print(get_counter())
print(record("a"), record("bb"), record("ccc"), total_len())
log = ["zzzz"]
print(total_len(), record("q"), log)
