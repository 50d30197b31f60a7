# jit-expect-compiled: loop step trigger handler
# A SIGUSR1 handler that raises, triggered with _thread.interrupt_main(signal.SIGUSR1) from a
# function called in a loop: side effects recorded in a list show exactly where the exception
# arrives (the interpreter runs the handler right after the triggering call returns).
import _thread
import signal


class Interrupted(Exception):
    pass


def handler(signum, frame):
    raise Interrupted("signal %d in %s" % (signum, frame.f_code.co_name))


def trigger(trail, i):
    trail.append("trigger %d before" % i)
    _thread.interrupt_main(signal.SIGUSR1)
    trail.append("trigger %d after" % i)
    return i


def step(trail, i):
    trail.append("step %d" % i)
    return i * 2


def loop(n, at, trail):
    total = 0
    for i in range(n):
        total += step(trail, i)
        if i == at:
            total += trigger(trail, i)
        trail.append("end of iteration %d" % i)
    return total


signal.signal(signal.SIGUSR1, handler)
for at in (1, 3, 10):
    trail = []
    try:
        result = loop(5, at, trail)
        trail.append("loop returned %d" % result)
    except Interrupted as e:
        trail.append("caught: %s" % e)
    print(at, trail)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
trail = []
print(loop(3, 1, trail), trail[-2:])
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
