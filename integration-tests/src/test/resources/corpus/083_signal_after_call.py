# jit-expect-compiled: loop poke handler
# A signal handler that raises runs right after the call that let the signal in returns, before
# the rest of the line: compiled code polls the eval breaker after calls, as the interpreter does.
import _thread
import signal

log = []


class Boom(Exception):
    pass


def handler(signum, frame):
    raise Boom()


signal.signal(signal.SIGUSR1, handler)


def poke(i):
    if i == 3:
        _thread.interrupt_main(signal.SIGUSR1)
    return i


def loop():
    x = None
    for i in range(6):
        log.append(("before", i))
        x = poke(i); log.append(("after", i, x))
    return x


try:
    loop()
except Boom:
    print("Boom right after the call of", log[-1])
print(log)
