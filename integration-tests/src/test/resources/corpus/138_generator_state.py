# jit-expect-compiled: observe inner outer reentrant running_check self_aware
# jit-compile-delegators
# Generator introspection: inspect.getgeneratorstate, gi_running (True only while executing),
# gi_suspended, gi_frame (its f_lineno relative to the function, None after completion), gi_yieldfrom.
import inspect


def observe(gen):
    frame = gen.gi_frame
    line = None if frame is None else frame.f_lineno - gen.gi_code.co_firstlineno
    return inspect.getgeneratorstate(gen), gen.gi_running, gen.gi_suspended, line


def self_aware():
    me = yield "first"
    yield ("inside", observe(me))
    x = 1
    yield x + 1


def inner():
    yield 1
    yield 2


def outer():
    yield from inner()


g = self_aware()
states = [observe(g)]
print(next(g))
states.append(observe(g))
print(g.send(g))
states.append(observe(g))
print(next(g))
states.append(observe(g))
for _ in g:
    pass
states.append(observe(g))
for s in states:
    print(s)
print(g.gi_frame, g.gi_code.co_name)

o = outer()
next(o)
print(o.gi_yieldfrom.__name__, inspect.getgeneratorstate(o.gi_yieldfrom))
o.close()
print(o.gi_yieldfrom, inspect.getgeneratorstate(o))


def running_check():
    yield gen_ref[0].gi_running


gen_ref = [running_check()]
print(next(gen_ref[0]), gen_ref[0].gi_running)


def reentrant():
    yield next(re_ref[0])


re_ref = [reentrant()]
try:
    next(re_ref[0])
except ValueError as e:
    print("ValueError:", e)
