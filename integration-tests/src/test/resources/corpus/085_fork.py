# jit-expect-compiled: fork_and_collect_warnings <lambda>
# os.fork() in a program that started a thread of its own: the same DeprecationWarning as under
# python3.13 (a program without threads gets none: 179_fork_child.py).
import os
import sys
import re
import threading
import warnings


def fork_and_collect_warnings():
    sys.stdout.flush()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pid = os.fork()
        if pid == 0:
            os._exit(0)
    os.waitpid(pid, 0)
    return [re.sub(r"pid=\d+", "pid=N", str(w.message)) for w in caught]


ready = threading.Event()
done = threading.Event()
helper = threading.Thread(target=lambda: (ready.set(), done.wait()))
helper.start()
ready.wait()
messages = fork_and_collect_warnings()
done.set()
helper.join()
print("with a thread of its own:", messages)
