# jit-expect-compiled: fmt_row table fmt_num
def fmt_row(name, qty, price):
    return "%-8s|%5d|%9.3f|%s" % (name, qty, price, qty * price > 10)


def table(rows):
    lines = []
    lines.append("%-8s|%5s|%9s" % ("name", "qty", "price"))
    for r in rows:
        lines.append(fmt_row(r[0], r[1], r[2]))
    return "\n".join(lines)


def fmt_num(x):
    return "%d %x %o %e %g %r %%" % (x, x, x, x, x, x)


print(table([("apple", 3, 0.5), ("melon", 2, 7.25), ("kiwi", 100, 0.125)]))
print(fmt_num(255))
print(fmt_num(-4096))
print("%s and %s" % ("a", [1, 2]), "%(k)s" % {"k": "v"})
