# jit-expect-compiled: __init__ length build
# A class called in a hot loop: CPython specialises that call site (CALL_ALLOC_AND_ENTER_INIT) and
# would push __init__'s frame itself; under pyjit's frame evaluator __init__ still runs natively.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def length(self):
        return (self.x * self.x + self.y * self.y) ** 0.5


def build(n):
    total = 0.0
    for i in range(n):
        total += Vector(i, i + 1).length()
    return total


print(round(build(2000), 6))
