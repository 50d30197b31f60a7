# jit-expect-compiled: count_blocked
# jit-threshold: 20
# jit-loop-threshold: 20
# jit-expect-inlined: is_blocked scaled
# Methods whose operators the interpreter never specialised (&, |, %, mixed numbers, strings) are
# compiled into their calls all the same: ints, floats and strs are computed there, and anything
# else (an operand with its own __and__ or __eq__, a type that has no such operator) makes the
# call, which runs the dunder or raises with the method's frame in the traceback.
import traceback

HELD, SUSPENDED = 4, 2


class Task:
    def __init__(self, state, weight):
        self.state, self.weight = state, weight

    def is_blocked(self):
        return (self.state & HELD) != 0 or self.state == SUSPENDED

    def scaled(self):
        return self.weight % 7 + self.weight * 0.5


def count_blocked(tasks):
    blocked = 0
    total = 0.0
    for task in tasks:
        if task.is_blocked():
            blocked += 1
        total += task.scaled()
    return blocked, total


class Flags:
    def __init__(self, bits):
        self.bits = bits

    def __and__(self, other):
        print("  Flags.__and__", self.bits, other)
        return self.bits & other

    def __eq__(self, other):
        print("  Flags.__eq__", self.bits, other)
        return self.bits == other

    __hash__ = None


class Weight(float):
    def __mod__(self, other):
        return 100.0


tasks = [Task(i % 8, i) for i in range(50)]
for _ in range(30):
    result = count_blocked(tasks)
print("ints", result)
print("floats", count_blocked([Task(True, 2.5), Task(False, -3.25), Task(6, 10 ** 20)]))
print("strings", count_blocked([Task(SUSPENDED, 3)]), Task(0, "ab").weight * 2)
print("dunders", count_blocked([Task(Flags(6), 1), Task(Flags(2), 2), Task(1, Weight(3.0))]))
for bad in (Task("held", 1), Task(1, "seven"), Task(1.5, 1), Task(None, 1)):
    try:
        print(count_blocked([bad]))
    except TypeError:
        traceback.print_exc(limit=-2, chain=False)
print("again", count_blocked(tasks))
