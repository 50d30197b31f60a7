# jit-expect-compiled: window slice_reads slice_writes deletions Obj del_global del_names
# Slices read, assigned (growing and shrinking the list, extended slices of the same length) and
# deleted; del of names, attributes, dict keys and list items (with the errors when missing).
def window(seq, i, n):
    return seq[i:i + n]


def slice_reads(s):
    return s[1:4], s[:-2], s[::2], s[::-1], s[-3:], s[5:1], s[1:100]


def slice_writes():
    a = list(range(10))
    a[2:5] = ["x"]
    a[:0] = [-2, -1]
    a[-2:] = []
    b = list(range(8))
    b[::2] = "abcd"
    try:
        b[::2] = [1, 2]
    except ValueError as e:
        err = str(e)
    return a, b, err


def deletions():
    lst = list(range(10))
    del lst[0]
    del lst[-1]
    del lst[1:3]
    del lst[::2]
    d = {"a": 1, "b": 2}
    del d["a"]
    out = [lst, d]
    for thunk_key in ("a", "zz"):
        try:
            del d[thunk_key]
        except KeyError as e:
            out.append("KeyError " + str(e))
    try:
        del lst[50]
    except IndexError as e:
        out.append("IndexError " + str(e))
    return out


class Obj:
    pass


def del_names():
    x = 1
    o = Obj()
    o.a = 1
    o.b = 2
    del o.a
    try:
        del o.a
    except AttributeError as e:
        attr = str(e)
    del x
    try:
        print(x)
    except UnboundLocalError as e:
        name = str(e)
    return sorted(vars(o)), attr, name


counter = 5


def del_global():
    global counter
    del counter
    try:
        return counter
    except NameError as e:
        return str(e)


print([window("abcdefgh", i, 3) for i in range(0, 8, 3)])
print(slice_reads("0123456789"))
print(slice_reads([1, 2, 3]))
print(slice_writes())
print(deletions())
print(del_names())
print(del_global())
