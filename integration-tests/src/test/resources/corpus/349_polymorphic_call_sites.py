# jit-expect-compiled: run step doubled_plus_one with_default
# jit-threshold: 1
# One call site in compiled code meeting methods of several classes: it remembers two of the codes
# it entered natively, and a third class, a method replaced on its class, a method whose code takes
# another number of arguments and a class dropped and made again (its code freed, another at its
# address, perhaps) must each still reach the method Python would call.
import gc


class A:
    def step(self, x):
        self.seen = x
        return x + 1


class B:
    def step(self, x):
        self.seen = x
        return x * 2


class C:
    def step(self, x):
        self.seen = x
        return x - 3


def run(objects, rounds):
    total = 0
    for _ in range(rounds):
        for o in objects:
            total = o.step(total) % 10007
    return total


print("two classes", run([A(), B(), A(), B()], 500))
print("three classes", run([A(), B(), C()], 500))


def doubled_plus_one(self, x):
    self.seen = x
    return 2 * x + 1


B.step = doubled_plus_one
print("a method replaced", run([A(), B(), C()], 500))


def with_default(self, x, extra=5):
    self.seen = x
    return x + extra


A.step = with_default
print("another signature", run([A(), B(), C()], 500))


def make_class(offset):
    namespace = {}
    exec(f"class D:\n    def step(self, x):\n        self.seen = x\n        return x + {offset}\n", namespace)
    return namespace["D"]


for offset in range(1, 6):
    D = make_class(offset)
    print("a class made again", offset, run([D(), B(), D()], 200))
    del D
    gc.collect()
