# jit-expect-compiled: records release summarise report main
# An implicit __context__ chain (an exception raised inside an except block of a generator)
# plus add_note() calls made by two compiled frames on the way out: handled once (context and
# notes printed), then uncaught, so the traceback shows "During handling of the above exception,
# another exception occurred:", the generator and consumer frames and both notes; exit status 1.
released = []


def release(name, strict):
    released.append(name)
    if strict:
        raise RuntimeError("could not release %s" % name)


def records(rows, strict):
    for row in rows:
        try:
            yield row["name"], row["score"]
        except GeneratorExit:
            released.append("closed early")
            raise
        except KeyError:
            release(row.get("name", "?"), strict)
            yield row.get("name", "?"), 0


def summarise(rows, strict):
    total = 0
    names = []
    for i, (name, score) in enumerate(records(rows, strict)):
        try:
            if score < 0:
                raise ValueError("negative score for %s" % name)
            total += score
            names.append(name)
        except ValueError as e:
            e.add_note("while summarising row %d" % i)
            raise
    return total, names


def report(rows, strict=False):
    try:
        return summarise(rows, strict)
    except Exception as e:
        e.add_note("report gave up after %d rows" % len(rows))
        raise


def main():
    rows = [{"name": "ann", "score": 3}, {"name": "bob"}, {"name": "cy", "score": 4}]
    print(report(rows))
    try:
        report(rows + [{"name": "dee", "score": -1}])
    except ValueError as e:
        print("handled:", e, e.__notes__, repr(e.__context__))
    try:
        report(rows[1:], strict=True)
    except RuntimeError as e:
        print("handled:", e, "| context:", repr(e.__context__), "| notes:", e.__notes__)
    g = records(rows, False)
    print(next(g))
    g.close()
    print(released)
    print("now uncaught")
    report([{"name": "eve", "score": 1}, {"name": "fay"}], strict=True)


main()
