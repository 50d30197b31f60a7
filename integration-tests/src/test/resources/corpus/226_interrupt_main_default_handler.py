# jit-expect-compiled: poke items consume guarded retry_loop __exit__ main
# _thread.interrupt_main() with the default SIGINT handler raises KeyboardInterrupt in the main
# thread at the next check after the call returns: here inside a generator consumed by a for
# loop inside a with block inside try/finally inside a retry loop. Each layer's cleanup runs,
# the generator is closed, and the retry loop catches the interrupt and tries again.
import _thread
import signal

trail = []


class Section:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        trail.append("enter " + self.name)
        return self

    def __exit__(self, et, ev, tb):
        trail.append("exit %s with %s" % (self.name, et.__name__ if et else None))
        return False


def poke(where):
    trail.append("poke " + where)
    _thread.interrupt_main()
    trail.append("not reached after poke " + where)


def items(n, poke_at):
    try:
        for i in range(n):
            if i == poke_at:
                poke("item %d" % i)
            yield i
    finally:
        trail.append("items finally")


def consume(n, poke_at):
    seen = []
    with Section("consume"):
        for i in items(n, poke_at):
            seen.append(i)
    return seen


def guarded(n, poke_at):
    try:
        return consume(n, poke_at)
    finally:
        trail.append("guarded finally")


def retry_loop(attempts):
    outcomes = []
    for attempt, poke_at in enumerate(attempts):
        try:
            outcomes.append(guarded(4, poke_at))
            break
        except KeyboardInterrupt:
            outcomes.append("attempt %d interrupted" % attempt)
    return outcomes


def main():
    print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    print(retry_loop([1, 3, None, 0]))
    for line in trail:
        print(line)
    trail.clear()
    try:
        with Section("outer"):
            poke("outer")
    except KeyboardInterrupt as e:
        print("caught", type(e).__name__, repr(e.args), trail)


main()
