# jit-expect-compiled: check run_batch run_all main
# Exception groups built in compiled loops: each error gets a note, except* handles the TypeError
# part of each batch group and lets the rest propagate; the leftovers are collected into an outer
# group that is raised and never caught, so the traceback prints the nested group tree (with
# notes and the inner tracebacks) and the exit status is 1.
def check(item):
    if isinstance(item, str):
        raise TypeError("strings not allowed: %r" % item)
    if item < 0:
        raise ValueError("negative: %d" % item)
    if item == 0:
        raise ZeroDivisionError("zero has no inverse")
    return 1 / item


def run_batch(name, items):
    errors = []
    results = []
    for item in items:
        try:
            results.append(check(item))
        except Exception as e:
            e.add_note("item %r of batch %s" % (item, name))
            errors.append(e)
    if errors:
        raise ExceptionGroup("batch %s" % name, errors)
    return results


def run_all(batches):
    leftovers = []
    done = []
    for name, items in batches:
        try:
            try:
                done.append((name, run_batch(name, items)))
            except* TypeError as eg:
                print("batch %s: dropped %d type errors" % (name, len(eg.exceptions)))
        except ExceptionGroup as rest:
            print("batch %s: leftover %s" % (name, [type(e).__name__ for e in rest.exceptions]))
            leftovers.append(rest)
    if leftovers:
        raise ExceptionGroup("%d of %d batches failed" % (len(leftovers), len(batches)), leftovers)
    return done


def main():
    print(run_all([("a", [1, 2, 4]), ("b", [5, "x", 10])]))
    try:
        run_all([("c", [-1, 2])])
    except ExceptionGroup as eg:
        inner = eg.exceptions[0]
        print("handled:", eg, "|", inner, "|", inner.exceptions[0], inner.exceptions[0].__notes__)
    print("now uncaught")
    run_all([("d", [1, "y", -3]), ("e", [2]), ("f", [0, "z", -4, 8])])


main()
