# jit-expect-compiled: total_value value __post_init__
# dataclasses: generated __init__/__repr__/__eq__, defaults and default_factory, field ordering,
# frozen instances (FrozenInstanceError), order=True comparisons, __post_init__, asdict/replace.
import dataclasses
from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)

    def value(self):
        return self.price * self.qty


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False, repr=False)

    def __post_init__(self):
        if self.w < 0 or self.h < 0:
            raise ValueError("negative size")
        self.area = self.w * self.h


def total_value(items):
    t = 0.0
    for it in items:
        t += it.value()
    return t


items = []
for i in range(5):
    items.append(Item("item%d" % i, 1.5 * i, qty=i + 1))
items[0].tags.append("first")
print(items[0], items[1].tags, items[0].tags is items[1].tags)
print(total_value(items))
print(Item("a", 1.0) == Item("a", 1.0), Item("a", 1.0) == Item("a", 2.0))
vs = [Version(1, 2), Version(1), Version(0, 9, 9), Version(1, 2, 1)]
print(sorted(vs))
print(max(vs), Version(1, 2) < Version(1, 10), hash(Version(1)) == hash(Version(1, 0, 0)))
try:
    vs[0].major = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
r = Rect(2.0, 3.5)
print(r, r.area, dataclasses.asdict(r))
try:
    Rect(-1, 2)
except ValueError as e:
    print("ValueError:", e)
print(dataclasses.replace(vs[0], patch=7), [f.name for f in dataclasses.fields(Item)])
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
