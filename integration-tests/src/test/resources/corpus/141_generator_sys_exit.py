# jit-expect-compiled: limit_reached consume numbers
# sys.exit raised inside a generator being consumed by a for loop in a function: finally blocks
# in the generator and the consumer run, the exit status is 4 and the message-free exit prints nothing.
import sys


def limit_reached(total, limit):
    return total >= limit


def numbers(limit):
    total = 0
    n = 0
    try:
        while True:
            n += 1
            total += n
            if limit_reached(total, limit):
                print("limit reached at", n, "total", total)
                sys.stdout.flush()
                sys.exit(4)
            yield n
    finally:
        print("generator finally")


def consume():
    seen = []
    try:
        for v in numbers(30):
            seen.append(v)
    finally:
        print("consumer finally, seen", seen)


try:
    consume()
except SystemExit as e:
    print("caught SystemExit code", e.code, "- exiting for real")
    raise
