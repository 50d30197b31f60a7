# jit-expect-compiled: lines checked consume main
# sys.exit("message") raised inside a generator two levels down a generator pipeline consumed by
# a compiled loop: the generators' and the consumer's finally blocks run in order, an
# `except Exception` does not catch SystemExit, the code is the string, the message goes to
# stderr and the exit status is 1.
import sys


def lines(text):
    try:
        for n, line in enumerate(text.splitlines(), 1):
            yield n, line
    finally:
        print("lines finally")


def checked(source):
    try:
        for n, line in source:
            if line.startswith("!"):
                sys.exit("fatal: line %d says %s" % (n, line[1:]))
            yield n, line.upper()
    finally:
        print("checked finally")


def consume(text):
    out = []
    try:
        for n, line in checked(lines(text)):
            out.append("%d:%s" % (n, line))
    except Exception as e:
        print("never printed", e)
    finally:
        print("consume finally, got", out)
    return out


def main():
    print(consume("alpha\nbeta"))
    try:
        consume("one\n!stop here\nthree")
    except SystemExit as e:
        print("caught once:", type(e.code).__name__, e.code)
    print("for real now")
    sys.stdout.flush()
    consume("gamma\n!abort now\ndelta")
    print("not reached")


main()
