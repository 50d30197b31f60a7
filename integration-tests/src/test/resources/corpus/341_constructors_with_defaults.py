# jit-expect-compiled: build_nodes build_bags build_forwarded build_after_new_defaults too_few too_many
# jit-threshold: 20
# jit-expect-constructed-in-place
# Classes whose __init__ takes defaults, *args or **kwargs, called positionally from compiled
# code, which builds the instance itself: the defaults filled in (a mutable one shared between
# instances, as Python shares it), new __defaults__ seen by the next call, and the TypeError of a
# call with too few or too many arguments worded as type.__call__ words it.
import traceback


class Node:
    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right

    def size(self):
        return 1 + (self.left.size() if self.left else 0) + (self.right.size() if self.right else 0)


class Bag:
    def __init__(self, item, items=[]):
        items.append(item)
        self.items = items


class Forwarded:
    def __init__(self, first, *rest, **options):
        self.first = first
        self.rest = rest
        self.options = options


class Scaled:
    def __init__(self, value, factor=2):
        self.value = value * factor


def build_nodes(depth):
    if depth == 0:
        return Node()
    return Node(build_nodes(depth - 1), build_nodes(depth - 1))


def build_bags(n):
    return [len(Bag(i).items) for i in range(n)]


def build_forwarded(n):
    made = Forwarded(n, n + 1, n + 2)
    alone = Forwarded(n)
    return made.first, made.rest, made.options, alone.rest, alone.options


def build_after_new_defaults(n):
    return Scaled(n).value


def too_few():
    return Scaled()


def too_many():
    return Node(1, 2, 3)


for i in range(25):
    build_nodes(2)
    build_bags(1)
    build_forwarded(i)
    build_after_new_defaults(i)

print(build_nodes(6).size())
print(build_bags(3)[-1], len(Bag.__init__.__defaults__[0]))
print(build_forwarded(7))
print(build_after_new_defaults(5))
Scaled.__init__.__defaults__ = (10,)
print(build_after_new_defaults(5))
Scaled.__init__.__defaults__ = None
try:
    build_after_new_defaults(5)
except TypeError:
    traceback.print_exc()
for call in (too_few, too_many):
    for _ in range(25):
        try:
            call()
        except TypeError as error:
            last = error
    print(type(last).__name__, last)
