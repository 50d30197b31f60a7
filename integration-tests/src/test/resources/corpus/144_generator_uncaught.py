# jit-expect-compiled: consume transform transformed
# An exception raised inside a generator (from a compiled helper it calls) and never caught: the
# traceback goes through the consumer frame, the generator frame and the helper, exit status 1.
def transform(x):
    return 100 // (x - 3)


def transformed(values):
    for v in values:
        yield transform(v)


def consume(values):
    out = []
    for t in transformed(values):
        out.append(t)
        print("got", t)
    return out


print(consume([1, 2]))
print(consume([4, 5, 3, 6]))
