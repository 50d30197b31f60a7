# jit-expect-compiled: first_item main check explicit_raise firsts safe_firsts
# PEP 479: a StopIteration escaping a generator body becomes RuntimeError("generator raised
# StopIteration") with the StopIteration as __cause__; the same inside a generator expression;
# at the end an uncaught one (traceback with both exceptions, exit status 1).
def first_item(it):
    return next(it)


def firsts(iterables):
    for it in iterables:
        yield first_item(iter(it))


def safe_firsts(iterables):
    for it in iterables:
        try:
            yield first_item(iter(it))
        except StopIteration:
            yield None


def check(gen):
    out = []
    try:
        for v in gen:
            out.append(v)
    except RuntimeError as e:
        out.append("RuntimeError: %s (cause %s)" % (e, type(e.__cause__).__name__))
    return out


print(check(firsts([[1, 2], "ab", [], [3]])))
print(check(safe_firsts([[1, 2], "ab", [], [3]])))
print(check(first_item(iter(x)) for x in ([1], [])))


def explicit_raise():
    yield 1
    raise StopIteration("explicit")


print(check(explicit_raise()))
print(list(map(first_item, [iter([4]), iter([5])])))


def main():
    print(list(firsts([[7], [8], ()])))


main()
