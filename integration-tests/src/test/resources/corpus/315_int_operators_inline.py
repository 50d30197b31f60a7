# jit-expect-compiled: held bits
# jit-threshold: 20
# jit-expect-inlined
# +, -, *, &, | and ^ of values of no known type (attributes, items) compute two one-digit ints in
# compiled code, in a function's own code and in a method body compiled into its call (as
# richards' task states are tested); everything else goes to the runtime: bools, ints past one
# digit and past 64 bits, negative ones, an int and a float, strs, sets. Results must be the
# interpreter's, value and type, and small results the interpreter's own small int objects.
HELD = 2
SUSPENDED = 4


class Task:
    def __init__(self, state, weight):
        self.state = state
        self.weight = weight

    def is_held(self):
        return self.state & HELD != 0

    def marked(self):
        return (self.state | SUSPENDED) ^ self.weight


def held(task, count):
    if task.is_held():
        count = count + 1
    return count, task.marked()


def bits(pair):
    a = pair[0]
    b = pair[1]
    return a & b, a | b, a ^ b, a + b, a - b, a * b


def show(values):
    return " ".join(f"{type(v).__name__}:{v!r}" for v in values)


def main():
    tasks = [Task(i % 8, i * 3) for i in range(40)]
    for _ in range(100):
        count = 0
        marks = []
        for task in tasks:
            count, mark = held(task, count)
            marks.append(mark)
    print(count, marks)
    odd = [Task(True, False), Task(2 ** 40, 1), Task(-(2 ** 31), 2 ** 29), Task(2 ** 70, 3), Task(-1, -1), Task(6, 2.5)]
    for task in odd:
        try:
            print(task.is_held(), task.marked())
        except TypeError as error:
            print("TypeError", error)
    pairs = [(12, 10), (-7, 3), (2 ** 30 - 1, 2 ** 30 - 1), (-(2 ** 30) + 1, 2 ** 30 - 1), (True, 3), (False, True),
             (2 ** 62, 3), (2 ** 70, -(2 ** 70)), (0, 0), (255, 1), (3, 2.5), ({1, 2}, {2, 3}), ("a", "b")]
    for _ in range(4):
        for pair in pairs:
            try:
                print(show(bits(pair)))
            except TypeError as error:
                print("TypeError", error)
    small = bits((200, 56))
    print([value is (200 & 56, 200 | 56, 200 ^ 56, 256, 144, 11200)[i] for i, value in enumerate(small[:4])])


main()
