# jit-expect-compiled: count_flags describe
# jit-threshold: 20
# jit-loop-threshold: 20
# jit-expect-deopts: count_flags
# jit-expect-inlined: is_ready
# A truth test the interpreter had specialised for bools, ints, lists, None or strings is guarded
# for that type, and folded or inlined: a value of another type hands the frame to the
# interpreter (in a compiled function) or makes the call (in an inlined method), which tests it
# the interpreter's way, __bool__ and __len__ included, exceptions and all.
import traceback


class Task:
    def __init__(self, ready, items, name, owner):
        self.ready = ready
        self.items = items
        self.name = name
        self.owner = owner

    def is_ready(self):
        return 1 if self.ready else 0


def count_flags(tasks):
    counts = [0, 0, 0, 0]
    for task in tasks:
        if task.ready:
            counts[0] += 1
        if task.items:
            counts[1] += 1
        if task.name:
            counts[2] += 1
        if task.owner:
            counts[3] += 1
    return counts


def describe(task):
    return task.is_ready() * 10 + (2 if task.items else 1)


class Truthy:
    def __init__(self, value):
        self.value = value

    def __bool__(self):
        print("  __bool__ of", self.value)
        return self.value


class Sized:
    def __len__(self):
        return 3


class Broken:
    def __bool__(self):
        raise ValueError("no truth here")


tasks = [Task(i % 2 == 0, [i] * (i % 3), "t%d" % i if i % 4 else "", None) for i in range(30)]
for _ in range(25):
    counts = count_flags(tasks)
    total = sum(describe(task) for task in tasks)
print("warm", counts, total)

odd = [Task(1, (), "x", 0), Task(0, {}, b"", 0.0), Task(2.5, set(), None, "owner"),
       Task(Truthy(True), Sized(), [], Truthy(False)), Task([], [0], "", ())]
print("odd", count_flags(odd))
print("odd described", [describe(task) for task in odd])

for bad in (Task(Broken(), [], "", None), Task(True, [], Broken(), None)):
    try:
        print(count_flags([bad]))
    except ValueError:
        traceback.print_exc(limit=-1, chain=False)
    try:
        print(describe(bad))
    except ValueError:
        traceback.print_exc(limit=-2, chain=False)
print("after", count_flags(tasks), sum(describe(task) for task in tasks))
