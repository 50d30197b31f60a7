# jit-expect-compiled: __init__ spawn push cost Scheduler confused crasher run waiter worker
# A realistic discrete-event scheduler built on generators: tasks yield ("sleep", t), ("wait",
# event) or ("fire", event); a heap orders wake-ups by (time, sequence); a task that raises is
# reported with its simulated time, and StopIteration values are collected as task results.
import heapq


def cost(n):
    return n * 3 % 7 + 1


class Scheduler:
    def __init__(self):
        self.now = 0
        self.queue = []
        self.seq = 0
        self.waiting = {}
        self.results = {}
        self.trace = []

    def push(self, when, task, value=None):
        self.seq += 1
        heapq.heappush(self.queue, (when, self.seq, task, value))

    def spawn(self, name, gen):
        self.push(self.now, (name, gen))

    def run(self):
        while self.queue:
            self.now, _, task, value = heapq.heappop(self.queue)
            name, gen = task
            try:
                cmd = gen.send(value)
            except StopIteration as stop:
                self.results[name] = (self.now, stop.value)
                self.trace.append(f"t={self.now} {name} finished")
                continue
            except Exception as e:
                self.trace.append(f"t={self.now} {name} crashed: {type(e).__name__}: {e}")
                continue
            match cmd:
                case ("sleep", dt):
                    self.push(self.now + dt, task)
                case ("wait", event):
                    self.waiting.setdefault(event, []).append(task)
                case ("fire", event):
                    woken = self.waiting.pop(event, [])
                    self.trace.append(f"t={self.now} {name} fires {event} waking {[n for n, _ in woken]}")
                    for w in woken:
                        self.push(self.now, w, event)
                    self.push(self.now, task)
                case _:
                    self.trace.append(f"t={self.now} {name} bad command {cmd!r}")


def worker(name, jobs):
    done = 0
    for j in range(jobs):
        yield ("sleep", cost(j))
        done += 1
    yield ("fire", name + "-done")
    return done


def waiter(events):
    got = []
    for ev in events:
        got.append((yield ("wait", ev)))
    return got


def crasher():
    yield ("sleep", 2)
    raise ValueError("crashed on purpose")


def confused():
    yield ("dance",)
    yield ("sleep", 1)
    return "recovered"


s = Scheduler()
s.spawn("w1", worker("w1", 3))
s.spawn("w2", worker("w2", 5))
s.spawn("listener", waiter(["w2-done", "w1-done"]))
s.spawn("early", waiter(["w1-done"]))
s.spawn("crash", crasher())
s.spawn("odd", confused())
s.run()
for line in s.trace:
    print(line)
for name in sorted(s.results):
    print(name, s.results[name])
print("still waiting:", sorted(s.waiting), "now", s.now)
