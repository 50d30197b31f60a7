# jit-expect-compiled: worker pinger crasher spawner schedule run_scheduler main
# A discrete-event scheduler on a heapq priority queue (virtual time, no clocks): generator tasks
# yield ("sleep", t), ("spawn", task) or ("wait", name) requests; ties broken by a sequence
# number so the order is deterministic; a crashing task is reported and the others continue;
# tasks waiting on a crashed task get the exception thrown in; a task still waiting when the
# queue empties is closed (its finally runs) at the end.
import heapq
import itertools


class Scheduler:
    def __init__(self):
        self.queue = []
        self.seq = itertools.count()
        self.now = 0
        self.log = []
        self.waiters = {}
        self.results = {}
        self.blocked = {}


def schedule(s, when, name, task, value=None, exc=None):
    heapq.heappush(s.queue, (when, next(s.seq), name, task, value, exc))


def finish(s, name, outcome):
    s.results[name] = outcome
    for wname, wtask in s.waiters.pop(name, []):
        s.blocked.pop(wname, None)
        if isinstance(outcome, BaseException):
            schedule(s, s.now, wname, wtask, exc=outcome)
        else:
            schedule(s, s.now, wname, wtask, value=outcome)


def run_scheduler(s):
    while s.queue:
        s.now, _, name, task, value, exc = heapq.heappop(s.queue)
        try:
            request = task.throw(exc) if exc is not None else task.send(value)
        except StopIteration as stop:
            s.log.append("t=%d %s finished -> %r" % (s.now, name, stop.value))
            finish(s, name, stop.value)
            continue
        except Exception as e:
            s.log.append("t=%d %s crashed: %s: %s" % (s.now, name, type(e).__name__, e))
            finish(s, name, e)
            continue
        kind, arg = request
        if kind == "sleep":
            schedule(s, s.now + arg, name, task)
        elif kind == "spawn":
            child_name, child = arg
            schedule(s, s.now, child_name, child)
            schedule(s, s.now, name, task)
        elif kind == "wait":
            if arg in s.results:
                schedule(s, s.now, name, task, value=s.results[arg])
            else:
                s.waiters.setdefault(arg, []).append((name, task))
                s.blocked[name] = task
    for name, task in sorted(s.blocked.items()):
        s.log.append("closing blocked %s" % name)
        task.close()


def worker(log, name, steps, delay):
    total = 0
    for i in range(steps):
        yield "sleep", delay
        total += i
        log.append("%s step %d" % (name, i))
    return total * 10


def pinger(log, target):
    try:
        result = yield "wait", target
        log.append("pinger got %r from %s" % (result, target))
        return result + 1
    except ZeroDivisionError as e:
        log.append("pinger saw %s crash: %s" % (target, e))
        return -1
    finally:
        log.append("pinger(%s) finally" % target)


def crasher(delay):
    yield "sleep", delay
    return 1 // 0


def spawner(log):
    yield "spawn", ("child-a", worker(log, "child-a", 2, 3))
    yield "spawn", ("child-b", worker(log, "child-b", 1, 1))
    got = yield "wait", "child-a"
    return "spawner saw %r" % got


def main():
    s = Scheduler()
    schedule(s, 0, "w1", worker(s.log, "w1", 3, 2))
    schedule(s, 0, "w2", worker(s.log, "w2", 2, 3))
    schedule(s, 1, "p1", pinger(s.log, "w1"))
    schedule(s, 0, "boom", crasher(4))
    schedule(s, 2, "p2", pinger(s.log, "boom"))
    schedule(s, 0, "sp", spawner(s.log))
    schedule(s, 0, "p3", pinger(s.log, "never"))
    run_scheduler(s)
    for line in s.log:
        print(line)
    print("final time", s.now, sorted((k, repr(v)) for k, v in s.results.items()))


main()
