# jit-expect-compiled: on_sigint send_sigint process_item batch run_batches main
# A SIGINT handler installed with signal.signal raises KeyboardInterrupt; a real SIGINT is sent
# from inside a compiled try/finally in a loop. The trail shows that the interrupt arrives right
# after the sending call returns, the finally blocks run innermost first, `except Exception` does
# not catch it, and an outer except KeyboardInterrupt does; the loop then carries on with the
# next batch. The signal is sent with pthread_kill to the running thread rather than os.kill to
# the process: in a process with other threads (an embedding JVM) a process-directed signal may
# be taken by another thread and noticed a few instructions later, which is not deterministic.
import signal
import threading

trail = []


def on_sigint(signum, frame):
    trail.append("handler in %s for %s" % (frame.f_code.co_name, signal.Signals(signum).name))
    raise KeyboardInterrupt("interrupted by signal %d" % signum)


def send_sigint(tag):
    trail.append("sending at " + tag)
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    trail.append("after pthread_kill at " + tag)


def process_item(item, stop_at):
    try:
        if item == stop_at:
            send_sigint("item %d" % item)
        return item * item
    finally:
        trail.append("process_item finally %d" % item)


def batch(items, stop_at):
    total = 0
    for item in items:
        try:
            total += process_item(item, stop_at)
        except Exception as e:
            trail.append("never: %r" % e)
        finally:
            trail.append("batch finally %d" % item)
    return total


def run_batches(batches):
    results = []
    for n, (items, stop_at) in enumerate(batches):
        try:
            results.append(batch(items, stop_at))
        except KeyboardInterrupt as e:
            results.append("batch %d interrupted: %s" % (n, e))
    return results


def main():
    previous = signal.signal(signal.SIGINT, on_sigint)
    print("previous handler is default:", previous is signal.default_int_handler)
    try:
        print(run_batches([([1, 2, 3], None), ([4, 5, 6], 5), ([7, 8], 7), ([9], None)]))
    finally:
        signal.signal(signal.SIGINT, previous)
    for line in trail:
        print(line)
    trail.clear()
    try:
        batch([1, 2], 2)
    except KeyboardInterrupt as e:
        print("default handler:", type(e).__name__, repr(str(e)), trail)


main()
