import sys
import time

runtime = sys.modules.get('_pyjit_rt')


def add(x, y=1, *rest, scale=1, **extra):
    return (x + y + sum(rest)) * scale + len(extra)


class Box:
    def __init__(self, value):
        self.value = value

    def grow(self, by):
        return Box(self.value + by)


def fails(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n


def make_adder(k):
    def adder(x):
        return x + k
    return adder


def one_round():
    total = add(1) + add(1, 2, 3, 4) + add(x=2, y=3, scale=2) + add(1, 2, flag=True)
    total += Box(3).grow(4).value + make_adder(5)(6)
    try:
        fails(-1)
    except ValueError as error:
        total += len(str(error))
    return total


def compiled(*functions):
    return runtime is None or all(runtime.is_compiled(f.__code__) for f in functions)


# until the sampler found them hot and their native code is in (at most a minute), then more calls
# through every way in: keywords, defaults, *args, **kwargs, methods, closures made afterwards
deadline = time.monotonic() + 60
first = one_round()
while not compiled(one_round, add, Box.grow) and time.monotonic() < deadline:
    assert one_round() == first
for _ in range(2000):
    assert one_round() == first
print(first, compiled(one_round, add, Box.grow))
print(fails(3), make_adder(1)(2), add(x=1, y=1, scale=3, a=1, b=2))
for wrong in (lambda: add(), lambda: add(1, x=2), lambda: Box.grow(Box(1))):
    try:
        wrong()
    except TypeError as error:
        print(error)

# a tracer and a profiler see every call as under the interpreter, the native code's included
events = []


def tracer(frame, event, arg):
    events.append(('trace', event, frame.f_code.co_name))
    return tracer


def profiler(frame, event, arg):
    events.append(('profile', event, getattr(arg, '__name__', frame.f_code.co_name)))


sys.settrace(tracer)
one_round()
sys.settrace(None)
sys.setprofile(profiler)
one_round()
sys.setprofile(None)
for event in events:
    print(*event)
for _ in range(2000):
    assert one_round() == first
fails(-2)
