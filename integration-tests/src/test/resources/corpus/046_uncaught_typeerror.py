# jit-expect-compiled: label join_all
def label(prefix, n):
    return prefix + n


def join_all(items):
    out = ""
    for it in items:
        out = out + label("#", str(it)) + " "
    print(out)
    return label("count=", len(items))


print(label("x", "y"))
join_all([1, 2, 3])
print("not reached")
