# jit-expect-compiled: average report
def average(values):
    total = 0
    for v in values:
        total += v
    return total / len(values)


def report(groups):
    for name in groups:
        print(name, average(groups[name]))


report({"a": [1, 2, 3], "b": [10, 20]})
print("now an empty group")
report({"c": [5], "empty": []})
print("not reached")
