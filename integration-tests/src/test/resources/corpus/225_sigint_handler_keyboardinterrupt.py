# jit-expect-compiled: on_sigint send_sigint process_item batch run_batches main
# A SIGINT handler installed with signal.signal raises KeyboardInterrupt; the signal is sent to
# the process itself with os.kill from inside a compiled try/finally in a loop. The trail shows
# that the interrupt arrives right after os.kill returns, the finally blocks run innermost
# first, `except Exception` does not catch it, and an outer except KeyboardInterrupt does;
# the loop then carries on with the next batch.
import os
import signal

trail = []


def on_sigint(signum, frame):
    trail.append("handler in %s for %s" % (frame.f_code.co_name, signal.Signals(signum).name))
    raise KeyboardInterrupt("interrupted by signal %d" % signum)


def send_sigint(tag):
    trail.append("sending at " + tag)
    os.kill(os.getpid(), signal.SIGINT)
    trail.append("after kill at " + tag)


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
