# jit-expect-compiled: collatz_steps boundaries churn
# jit-expect-reused-ints
# jit-threshold: 3
# jit-loop-threshold: 2
# An exact int of one digit that dies is kept, and compiled code boxes its next ints of one digit
# in the kept objects. Whatever was kept, each new int must be exactly the int the interpreter
# makes: its sign, its digits at the edges of one digit (2**30), never a small int or an int
# subclass (whose __del__ must still run). Nothing is kept or reused while tracemalloc traces
# allocations (its count must see every int), nor while another interpreter exists: the ints of
# an interpreter with an allocator of its own must not outlive it in the main interpreter's list.
import sys
import tracemalloc

try:
    import _interpreters
except ImportError:
    _interpreters = None


def collatz_steps(limit):
    """Steps of every start below limit to 1: ints past 256 made and dropped at each step."""
    steps = []
    for start in range(1, limit):
        n = start
        count = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            count += 1
        steps.append((start, count, n * start))
    return steps


def boundaries(base, step, count):
    seen = []
    value = base
    for _ in range(count):
        seen.append(value)
        value += step
    return seen


def churn(n, scale):
    kept = []
    for i in range(n):
        value = i * scale + 1000
        if i % 7 == 0:
            kept.append(value)
    return kept


class Noisy(int):
    def __del__(self):
        print("Noisy", int(self), "released")


steps = collatz_steps(3000)
print(len(steps), sum(c for _, c, _ in steps), max(steps, key=lambda s: s[1]), sum(p for _, _, p in steps))

one_digit = 1 << 30
for base in (one_digit - 3, -one_digit - 2, 250, -8, (1 << 62) - 2, -(1 << 63) - 1):
    values = boundaries(base, 1, 5)
    print([(v, type(v).__name__, v.bit_length(), v < 0, hash(v) == v or v == -1) for v in values])

# negative and positive boxes from the same kept objects
mixed = [v for i in range(50) for v in churn(30, -1 if i % 2 else 1)]
print(len(mixed), sum(mixed), min(mixed), max(mixed), sum(1 for v in mixed if v < 0))
print(sorted(set(mixed))[:5], {v: str(v) for v in mixed[:4]})

for value in boundaries(300, 1, 3):
    noisy = Noisy(value)
    del noisy
print(sys.getrefcount(churn(10, 3)[-1]))

# every int compiled code makes while tracemalloc runs is an allocation it sees
for _ in range(5):
    churn(3000, 11)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
held = churn(7000, 13)
grown = tracemalloc.get_traced_memory()[0] - before
tracemalloc.stop()
print("traced:", len(held), grown >= len(held) * 28)

# another interpreter's ints die in it; the main interpreter's boxes stay its own
if _interpreters is not None:
    interpreter = _interpreters.create()
    _interpreters.run_string(interpreter, "dead = [n * 3000 for n in range(20000)]\ndel dead\n")
    for _ in range(3):
        churn(2000, 17)
    _interpreters.destroy(interpreter)
for _ in range(3):
    made = churn(4000, 19)
print("after another interpreter:", len(made), sum(made), made[-1])
print(collatz_steps(400)[-3:])
