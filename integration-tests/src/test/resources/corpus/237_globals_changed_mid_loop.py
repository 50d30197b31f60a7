# jit-expect-compiled: rebind delete_rate restore_rate via_dict accumulate countdown replacement walk_types main
# Module globals changed while a compiled loop is running (by a helper it calls, or through the
# globals() dict): the next iteration sees the new value or type, a deleted global raises
# NameError at the following read and a str one TypeError (both caught, the global recreated,
# the loop continues), a recursive function whose global name is rebound mid-recursion calls the
# replacement on deeper levels, and a global that changes type every iteration.
RATE = 2


def rebind(value):
    global RATE
    RATE = value


def delete_rate():
    global RATE
    del RATE


def restore_rate():
    globals()["RATE"] = 100


def via_dict(key, value):
    globals()[key] = value


def accumulate(actions):
    total = 0
    log = []
    for i, action in enumerate(actions):
        try:
            total += i * RATE
            log.append(total)
        except NameError as e:
            log.append("NameError: %s" % e)
            restore_rate()
        except TypeError as e:
            log.append("TypeError: %s" % e)
            rebind(1)
        if action:
            action()
    return total, log


def countdown(n):
    if n == 2:
        via_dict("countdown", replacement)
    if n == 0:
        return ["original bottom"]
    return ["original %d" % n] + countdown(n - 1)


def replacement(n):
    if n == 0:
        return ["replacement bottom"]
    return ["replacement %d" % n] + replacement(n - 1)


def walk_types(values):
    out = []
    for v in values:
        via_dict("SHAPE", v)
        try:
            out.append(SHAPE * 2)
        except TypeError as e:
            out.append("TypeError: %s" % e)
    return out


def main():
    print(accumulate([None, lambda: rebind(10), None, lambda: rebind(0.5), None]))
    print(accumulate([None, delete_rate, None, None, lambda: rebind("ab"), None]))
    print("RATE is", RATE)
    rebind(3)
    print(countdown(4))
    print(countdown(3))
    print(countdown is replacement)
    print(walk_types([1, 2.5, "s", [0], None, (1,)]))
    via_dict("SHAPE", None)
    del globals()["SHAPE"]
    print("SHAPE" in globals(), sorted(k for k in globals() if k.isupper()))


main()
