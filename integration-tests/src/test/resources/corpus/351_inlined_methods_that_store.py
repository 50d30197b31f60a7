# jit-expect-compiled: hold release swap clear_payload
# jit-threshold: 20
# jit-expect-inlined: mark_held mark_free set_payload drop_payload
# Methods whose one attribute store ends them are compiled into their calls. The store is made
# only where it runs no code; everywhere else the call is made as before, so a finalizer of the
# value replaced runs in the method's frame, a __setattr__ patched into the class, a subclass's
# property and slots take the store their way, a deleted attribute is added again, and an
# exception in the method shows the method's frame.
import sys
import traceback

HELD = 4


class Task:
    def __init__(self, state, payload=None):
        self.state = state
        self.payload = payload

    def mark_held(self):
        self.state |= HELD

    def mark_free(self):
        self.state = 1

    def set_payload(self, payload):
        self.payload = payload

    def drop_payload(self):
        self.payload = None


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalized", self.name, "in", sys._getframe(1).f_code.co_name)


def hold(task):
    task.mark_held()
    return task.state


def release(task):
    task.mark_free()
    return task.state


def swap(task, payload):
    task.set_payload(payload)
    return task.payload


def clear_payload(task):
    task.drop_payload()
    return task.payload


tasks = [Task(i) for i in range(30)]
for _ in range(3):
    for task in tasks:
        hold(task)
        release(task)
        swap(task, "p")
        clear_payload(task)
print([hold(t) for t in tasks[:5]], [release(t) for t in tasks[:5]], swap(tasks[3], 7.5), clear_payload(tasks[3]))

# a value replaced whose finalizer runs: in the method's own frame, as under the interpreter
task = tasks[0]
swap(task, Noisy("first"))
swap(task, Noisy("second"))
clear_payload(task)
kept = Noisy("kept")
swap(task, kept)
clear_payload(task)  # another reference keeps it: nothing is finalized
print("kept alive:", kept.name)
del kept

# an int too large for a machine word
task.state = 2 ** 70
print(hold(task), release(task))

# the attribute deleted: the store adds it again; the load of a missing one raises in the method
del task.state
print(release(task))
del task.state
try:
    hold(task)
except AttributeError:
    print("".join(traceback.format_exc().splitlines(True)[-3:]), end="")
release(task)

# the instance's __dict__ made real
print(vars(task)["state"], hold(task), vars(task))


# a subclass whose state is a property, another with slots
class Watched(Task):
    @property
    def state(self):
        return self._state

    @state.setter
    def state(self, value):
        print("state set to", value)
        self._state = value


class Slotted(Task):
    __slots__ = ("extra",)


print(hold(Watched(1)), release(Watched(2)))
slotted = Slotted(3)
print(hold(slotted), release(slotted), swap(slotted, "s"))

# the class patched: a __setattr__ that sees every store
def loud_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


Task.__setattr__ = loud_setattr
print(hold(tasks[1]), release(tasks[1]), clear_payload(tasks[1]))
del Task.__setattr__
print(hold(tasks[2]), release(tasks[2]))

# the method given other code: the call is made
def mark_twice(self):
    self.state |= HELD * 2


Task.mark_held.__code__ = mark_twice.__code__
print(hold(tasks[4]))
