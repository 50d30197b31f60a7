# jit-expect-compiled: __init__ __enter__ __exit__ find_index early_return search while_in_with
# return, break and continue leaving a with block: __exit__ runs once each time, with no
# exception, and the returned value is the one computed before __exit__ ran.
class Counter:
    def __init__(self):
        self.entered = 0
        self.exited = 0
        self.value = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, et, ev, tb):
        self.exited += 1
        self.value = -1
        return False


def find_index(items, target):
    for i in range(len(items)):
        if items[i] == target:
            return i
    return -1


def early_return(cm, x):
    with cm:
        cm.value = x * 10
        return cm.value


def search(cm, rows, target):
    found = None
    for r, row in enumerate(rows):
        with cm:
            i = find_index(row, target)
            if i < 0:
                continue
            found = (r, i)
            break
    return found


def while_in_with(cm, n):
    with cm:
        i = 0
        while True:
            i += 1
            if i >= n:
                return i


cm = Counter()
print(early_return(cm, 4), cm.value, cm.entered, cm.exited)
print(search(cm, [[1, 2], [3, 4], [5, 6]], 4), cm.entered, cm.exited)
print(search(cm, [[1], [2]], 9), cm.entered, cm.exited)
print(while_in_with(cm, 5), cm.entered, cm.exited)
