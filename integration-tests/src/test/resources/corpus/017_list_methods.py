# jit-expect-compiled: list_ops stack_queue
def list_ops():
    a = [5, 3, 8]
    a.append(1)
    a.extend([9, 2])
    a.insert(0, 7)
    a.sort()
    r1 = a.copy()
    a.reverse()
    popped = a.pop()
    popped2 = a.pop(0)
    a.remove(5)
    idx = a.index(3)
    cnt = a.count(8)
    b = a + [100] * 2
    return r1, a, popped, popped2, idx, cnt, b, len(b)


def stack_queue(items):
    stack = []
    for x in items:
        if x < 0:
            if len(stack) > 0:
                stack.pop()
        else:
            stack.append(x)
    q = list(stack)
    out = []
    while q:
        out.append(q.pop(0))
    out.sort(key=abs, reverse=True)
    return stack, out


print(list_ops())
print(stack_queue([1, 2, -1, 3, 4, -1, -1, 5, 6]))
print(stack_queue([-1, -1]))
