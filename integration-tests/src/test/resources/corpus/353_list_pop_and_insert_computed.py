# jit-expect-compiled: rotate_all stack_machine pop_from_anything insert_anywhere pops_that_raise
# jit-expect-intrinsics
# jit-threshold: 5
# jit-loop-threshold: 5
# xs.pop(), xs.pop(i) and xs.insert(i, x) on an exact list with an int index are computed by
# compiled code; anything else reached by the same call makes the call: a list subclass's own pop
# and insert, a dict's pop, an index past 64 bits, a bool or a float index, an empty list or an index out
# of range (the call raises the interpreter's error), an item whose finalizer runs when the list
# lets it go (it must not run inside the pop).


# past every list's end here: insert appends, and the program's only intrinsics are pop and insert, so
# that the stats' intrinsic results are theirs
END = 2 ** 29  # a one-digit int, which the computed insert takes


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


class Counted(list):
    def pop(self, *index):
        print("  Counted.pop", index)
        return super().pop(*index)

    def insert(self, index, item):
        print("  Counted.insert", index)
        super().insert(index, ("counted", item))


def rotate_all(xs, times):
    for _ in range(times):
        xs.insert(END, xs.pop(0))
    return xs


def stack_machine(program):
    stack = []
    for op in program:
        if op == "+":
            stack.insert(END, stack.pop() + stack.pop())
        elif op == "*":
            stack.insert(END, stack.pop() * stack.pop())
        elif op == "swap":
            stack.insert(-1, stack.pop())
        else:
            stack.insert(END, int(op))
    return stack


def pop_from_anything(target, index):
    return target.pop(index), target


def insert_anywhere(target, index, item):
    try:
        target.insert(index, item)
    except OverflowError as error:
        return f"OverflowError: {error}"
    return target


def pops_that_raise(target, index):
    try:
        return target.pop(index)
    except (IndexError, TypeError, OverflowError) as error:
        return f"{type(error).__name__}: {error}"


for round_ in range(8):
    print(rotate_all([1, 2, 3, 4, 5], round_))
    print(rotate_all(Counted([1, 2, 3]) if round_ == 5 else [1, 2, 3], 2))
    print(stack_machine(["2", "3", "+", "4", "*", "7", "swap", "1", "2", "swap"]))
    print(pop_from_anything([10, 20, 30], -1), pop_from_anything([10, 20, 30], -3))
    print(pop_from_anything({0: "zero", 1: "one"} if round_ == 6 else [1, 2], 0))
    print(insert_anywhere([1, 2, 3], -100, "front"), insert_anywhere([1, 2, 3], 100, "back"))
    print(insert_anywhere([1, 2, 3], 2 ** 70, "big"), insert_anywhere([1, 2, 3], -(2 ** 70), "small"))
    print(insert_anywhere([1, 2, 3], True, "bool"), insert_anywhere(Counted([1]), 0, "sub") if round_ == 7 else "")
    print(pops_that_raise([], 0), pops_that_raise([1, 2], 2), pops_that_raise([1, 2], -3))
    print(pops_that_raise([1, 2], 1.0), pops_that_raise([1, 2], 2 ** 70), pops_that_raise([7], False))
    doomed = [Loud(f"a{round_}"), Loud(f"b{round_}")]
    print("  popped", pop_from_anything(doomed, 0)[0].name)
    print("  still", [item.name for item in doomed])
    doomed.pop()
    print("  after the pop", len(doomed))
