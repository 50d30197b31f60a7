# jit-expect-compiled: span
# jit-threshold: 20
# jit-expect-inlined: source target
# A getter whose other branch the interpreter never took, so that branch's attribute load has no
# inline cache, is still compiled into its calls: once the branch is taken, the call site's own
# shapes find a plain attribute and a slot; a property, a deleted attribute, a __getattr__ and an
# unset slot make the call instead, with the interpreter's result or its exception.
import traceback

FORWARD = 1
BACKWARD = -1


class Link:
    def __init__(self, a, b):
        self.a = a
        self.b = b
        self.direction = FORWARD

    def source(self):
        return self.a if self.direction == FORWARD else self.b

    def target(self):
        return self.b if self.direction == FORWARD else self.a


class Computed(Link):
    def __init__(self, a):
        self.a = a
        self.direction = FORWARD

    @property
    def b(self):
        return self.a * 100


class Lazy(Link):
    def __getattr__(self, name):
        return len(name) * 1000


class Slotted:
    __slots__ = ("a", "b", "direction")
    source = Link.source
    target = Link.target

    def __init__(self, a, b):
        self.a = a
        self.b = b
        self.direction = FORWARD


def span(link):
    return link.target() - link.source()


def show(label, link):
    try:
        print(label, span(link))
    except AttributeError:
        print(label, "raised:")
        traceback.print_exc(limit=-2, chain=False)


links = [Link(i, i * i) for i in range(40)]
total = 0
for _ in range(3):
    for link in links:
        total += span(link)
print("forward", total)

for link in links:
    link.direction = BACKWARD
print("backward", sum(span(link) for link in links))

computed = Computed(7)
show("property forward", computed)
computed.direction = BACKWARD
show("property backward", computed)

deleted = Link(3, 4)
del deleted.b
show("deleted forward", deleted)
deleted.direction = BACKWARD
show("deleted backward", deleted)

lazy = Lazy(5, 6)
del lazy.b
lazy.direction = BACKWARD
show("getattr backward", lazy)

slotted = Slotted(8, 9)
show("slots forward", slotted)
slotted.direction = BACKWARD
show("slots backward", slotted)
del slotted.b
show("unset slot backward", slotted)

mixed = [Link(1, 2), Computed(3), Slotted(4, 5), Link(6, 7)]
mixed[0].direction = BACKWARD
mixed[2].direction = BACKWARD
print("mixed", [span(link) for link in mixed])
