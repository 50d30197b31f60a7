# jit-expect-compiled: make_name total_width _f read_globals Ops Table
# Code that runs in class bodies and at module level: loops and conditionals building class
# attributes, methods defined in a loop, a class body calling a compiled function, and a
# module-level while loop updating globals that functions read.
def make_name(prefix, i):
    return prefix + str(i)


class Table:
    columns = []
    for i in range(4):
        columns.append(make_name("col", i))
    widths = {}
    for c in columns:
        widths[c] = len(c) * 2
    if len(columns) > 3:
        wide = True
    else:
        wide = False
    del i, c


class Ops:
    for _name, _k in (("double", 2), ("triple", 3)):
        def _f(self, x, k=_k):
            return x * k
        _f.__name__ = _name
        locals()[_name] = _f
    del _name, _k, _f


def total_width():
    t = 0
    for c in Table.columns:
        t += Table.widths[c]
    return t


counter = 0
acc = []
while counter < 5:
    counter += 1
    if counter % 2:
        acc.append(make_name("odd", counter))
    else:
        acc.append(counter * counter)
for key in sorted(Table.widths):
    acc.append(key[-1])


def read_globals():
    return counter, len(acc)


print(Table.columns, Table.widths, Table.wide)
print(total_width())
print(Ops().double(5), Ops().triple(5), Ops.double.__name__)
print(acc, read_globals())
print(sorted(k for k in vars(Table) if not k.startswith("__")))
print(sorted(k for k in vars(Ops) if not k.startswith("__")))
