# jit-expect-compiled: handle run_machine feed describe kinds_over_time rebase bad_assignments main
# __class__ assignment while compiled code works with the object: a state machine whose states
# are classes and whose handle() method switches self.__class__ (the very next call in the loop
# dispatches to the new class), isinstance and type() changing mid-loop, __bases__ of a class
# reassigned (method resolution follows), and the TypeErrors for incompatible assignments.
class State:
    def __init__(self):
        self.history = []

    def feed(self, ch):
        self.history.append("%s:%s" % (type(self).__name__, ch))
        self.handle(ch)

    def describe(self):
        return "state " + type(self).__name__


class Idle(State):
    def handle(self, ch):
        if ch == "(":
            self.__class__ = InGroup
            self.depth = 1


class InGroup(State):
    def handle(self, ch):
        if ch == "(":
            self.depth += 1
        elif ch == ")":
            self.depth -= 1
            if self.depth == 0:
                self.__class__ = Idle
        elif ch == "!":
            self.__class__ = Broken

    def describe(self):
        return super().describe() + " depth %d" % self.depth


class Broken(State):
    def handle(self, ch):
        self.history.append("ignored")


def run_machine(text):
    m = Idle()
    states = []
    for ch in text:
        m.feed(ch)
        states.append(m.describe())
    return states, m.history


def kinds_over_time(obj, classes):
    out = []
    for cls in classes:
        obj.__class__ = cls
        out.append((type(obj).__name__, isinstance(obj, InGroup), isinstance(obj, State)))
    return out


class MixA:
    def who(self):
        return "A"


class MixB:
    def who(self):
        return "B"


class Holder(MixA):
    pass


def rebase(obj):
    out = [obj.who()]
    Holder.__bases__ = (MixB,)
    out.append(obj.who())
    Holder.__bases__ = (MixA,)
    out.append(obj.who())
    return out


class Slotted:
    __slots__ = ("x",)


def bad_assignments():
    out = []
    for obj, target in ((Idle(), Slotted), (Slotted(), Idle), (1, bool), (Idle(), "str")):
        try:
            obj.__class__ = target
            out.append("ok")
        except TypeError as e:
            out.append("TypeError: %s" % e)
    return out


def main():
    states, history = run_machine("a(b(c)d)e(!f)")
    print(states)
    print(history)
    m = Idle()
    m.depth = 4
    print(kinds_over_time(m, [InGroup, Broken, Idle]))
    print(rebase(Holder()))
    for line in bad_assignments():
        print(line)


main()
