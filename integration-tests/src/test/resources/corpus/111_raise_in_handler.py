# jit-expect-compiled: label loop use cleanup handler_typo
# An exception raised inside an except block (by the handler itself or a function it calls)
# gets the handled exception as __context__; the finally still runs; raised in a loop too.
def cleanup(resource):
    if resource == "bad":
        raise OSError("cleanup failed for " + resource)
    return "cleaned " + resource


def label(kind, resource):
    return kind + " " + resource


def use(resource, log):
    try:
        log.append(label("use", resource))
        raise ValueError("use failed")
    except ValueError:
        log.append(cleanup(resource))
        return "recovered"
    finally:
        log.append(label("finally", resource))


def loop(resources):
    out = []
    for r in resources:
        log = []
        try:
            status = use(r, log)
        except OSError as e:
            status = "%s (context %s: %s)" % (e, type(e.__context__).__name__, e.__context__)
        out.append((r, status, log))
    return out


def handler_typo(x):
    try:
        return 1 / x
    except ZeroDivisionError:
        return undefined_name  # NameError raised in the handler


for line in loop(["a", "bad", "b"]):
    print(line)
try:
    handler_typo(0)
except NameError as e:
    print("NameError:", e, "| context:", repr(e.__context__))
print(handler_typo(4))
print("now uncaught")
handler_typo(0)
