# jit-expect-compiled: power label_of total_length count_or_zero scaled
# jit-threshold: 5
# jit-expect-no-deopts: power label_of total_length count_or_zero scaled
# Truth tests of values that are None at times (Optional values): the interpreter specialises
# `if w:` for whichever type it meets first, None or the other. Compiled code takes an int, list or
# str so tested to be that or None, and a test the interpreter specialised for None to be of any
# type, so neither half of an Optional hands the frame to the interpreter.


class Weapon:
    def __init__(self, damage):
        self.damage = damage


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def power(strength, weapon):
    boost = 0.5
    if weapon:
        boost += weapon.damage * 1.5
    return strength * boost


def label_of(name):
    text = name or ""
    return len(text) * 2 + 1


def total_length(items):
    base = 1.25
    if items:
        base += len(items)
    return base


def count_or_zero(n):
    scale = 3.0
    if n:
        scale *= n
    return scale


def scaled(thing):
    factor = 2.0
    if thing:
        factor += 1.0
    return factor


nothing = [None, None, None, None]
for w in nothing + [Weapon(d) for d in range(1, 9)] + [None, Weapon(0)]:
    print(power(3, w))
for s in nothing + ["ab", "", "xyz", "q" * 7, None, "end"]:
    print(label_of(s))
for items in [[1, 2]] * 4 + [None, [], [5], None, [1, 2, 3]]:
    print(total_length(items))
for n in [7] * 4 + [None, 0, 3, None, 12, 2 ** 70]:
    print(count_or_zero(n))
for t in [None] * 4 + [Sized(0), Sized(2), 0, "", "x", [], [1], 2.5, 0.0, None]:
    print(scaled(t))
